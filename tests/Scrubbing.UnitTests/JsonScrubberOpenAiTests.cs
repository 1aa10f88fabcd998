using System.Text.Json.Nodes;

namespace SlmPlatform.Scrubbing.UnitTests;

/// <summary>Realistic OpenAI chat-completions payloads, end to end through the default recognizers.</summary>
public sealed class JsonScrubberOpenAiTests
{
    private static readonly string[] Pii =
    [
        "jane.doe@example.com", "+44 20 7946 0958", "4111 1111 1111 1111", "4111111111111111",
        "DE89 3704 0044 0532 0130 00", "10.0.0.12", "219-09-9999", "jane.r@example.org",
    ];

    private const string Request = """
        {
          "model": "gpt-4o-2024-08-06",
          "temperature": 0.2,
          "messages": [
            { "role": "system", "content": "You are a billing assistant. Be brief." },
            { "role": "user", "name": "jane_doe", "content": "Hi, I'm Jane. Email me at jane.doe@example.com or call +44 20 7946 0958." },
            { "role": "user", "content": [
                { "type": "text", "text": "My card 4111 1111 1111 1111 was charged twice. Refund to DE89 3704 0044 0532 0130 00 please." },
                { "type": "image_url", "image_url": { "url": "https://example.org/receipt.png", "detail": "low" } }
            ] },
            { "role": "assistant", "content": null, "tool_calls": [
                { "id": "call_Q2x9mB", "type": "function", "function": {
                    "name": "refund_payment",
                    "arguments": "{\"email\":\"jane.doe@example.com\",\"card_number\":\"4111111111111111\",\"amount\":42.5,\"currency\":\"EUR\",\"notify\":true,\"reason\":\"duplicate charge\"}"
                } }
            ] },
            { "role": "tool", "tool_call_id": "call_Q2x9mB", "content": "{\"status\":\"ok\",\"refund_id\":\"rf_1001\",\"processed_by\":\"10.0.0.12\"}" }
          ],
          "tools": [
            { "type": "function", "function": {
                "name": "refund_payment",
                "description": "Refund a card payment to the customer.",
                "parameters": {
                  "type": "object",
                  "properties": {
                    "email": { "type": "string" },
                    "card_number": { "type": "string" },
                    "amount": { "type": "number" }
                  },
                  "required": ["email", "card_number", "amount"]
                }
            } }
          ],
          "tool_choice": "auto"
        }
        """;

    private const string Response = """
        {
          "id": "chatcmpl-9pQ2x9mBq7",
          "object": "chat.completion",
          "created": 1718035200,
          "model": "gpt-4o-2024-08-06",
          "system_fingerprint": "fp_3aa7262c27",
          "service_tier": "default",
          "choices": [
            { "index": 0, "finish_reason": "stop", "logprobs": null,
              "message": { "role": "assistant", "content": "Done. I noted SSN 219-09-9999 and will write to jane.r@example.org.", "refusal": null } }
          ],
          "usage": { "prompt_tokens": 312, "completion_tokens": 24, "total_tokens": 336 }
        }
        """;

    private readonly JsonScrubber _scrubber = new(DefaultRecognizers.CreateScrubber());

    [Fact]
    public void Scrub_Request_LeavesNoPiiInSerializedOutput()
    {
        var json = JsonText.Of(_scrubber.Scrub(JsonNode.Parse(Request)).Document);

        Assert.All(Pii, value => Assert.DoesNotContain(value, json, StringComparison.Ordinal));
        Assert.NotNull(JsonNode.Parse(json));
    }

    [Fact]
    public void Scrub_Request_CountsEachEntityType()
    {
        var result = _scrubber.Scrub(JsonNode.Parse(Request));

        var expected = new Dictionary<string, int>
        {
            [EntityTypes.Person] = 1,
            [EntityTypes.EmailAddress] = 2,
            [EntityTypes.PhoneNumber] = 1,
            [EntityTypes.CreditCard] = 2,
            [EntityTypes.IbanCode] = 1,
            [EntityTypes.IpAddress] = 1,
        };
        Assert.Equal(expected, result.Replacements);
    }

    [Fact]
    public void Scrub_Request_KeepsStructuralFields()
    {
        var document = _scrubber.Scrub(JsonNode.Parse(Request)).Document!;

        Assert.Equal("gpt-4o-2024-08-06", (string?)document["model"]);
        Assert.Equal(["system", "user", "user", "assistant", "tool"], document["messages"]!.AsArray().Select(m => (string?)m!["role"]));
        var toolCall = document["messages"]![3]!["tool_calls"]![0]!;
        Assert.Equal("call_Q2x9mB", (string?)toolCall["id"]);
        Assert.Equal("refund_payment", (string?)toolCall["function"]!["name"]);
        Assert.Equal("call_Q2x9mB", (string?)document["messages"]![4]!["tool_call_id"]);
        Assert.Equal("refund_payment", (string?)document["tools"]![0]!["function"]!["name"]);
        Assert.Equal("image_url", (string?)document["messages"]![2]!["content"]![1]!["type"]);
    }

    [Fact]
    public void Scrub_Request_ToolCallArgumentsStayJsonWithSameKeysAndValues()
    {
        var document = _scrubber.Scrub(JsonNode.Parse(Request)).Document!;

        var arguments = (string?)document["messages"]![3]!["tool_calls"]![0]!["function"]!["arguments"];
        var parsed = Assert.IsType<JsonObject>(JsonNode.Parse(arguments!));

        Assert.Equal(["email", "card_number", "amount", "currency", "notify", "reason"], parsed.Select(p => p.Key));
        Assert.Equal("<EMAIL_ADDRESS>", (string?)parsed["email"]);
        Assert.Equal("<CREDIT_CARD>", (string?)parsed["card_number"]);
        Assert.Equal(42.5, (double?)parsed["amount"]);
        Assert.Equal("EUR", (string?)parsed["currency"]);
        Assert.True((bool?)parsed["notify"]);
        Assert.Equal("duplicate charge", (string?)parsed["reason"]);
    }

    [Fact]
    public void Scrub_Request_ScrubsContentPartsAndKeepsImagePart()
    {
        var document = _scrubber.Scrub(JsonNode.Parse(Request)).Document!;

        var parts = document["messages"]![2]!["content"]!;
        Assert.Equal("My card <CREDIT_CARD> was charged twice. Refund to <IBAN_CODE> please.", (string?)parts[0]!["text"]);
        Assert.Equal("https://example.org/receipt.png", (string?)parts[1]!["image_url"]!["url"]);
    }

    [Fact]
    public void Scrub_Request_DoesNotModifyInput()
    {
        var input = JsonNode.Parse(Request)!;
        var before = input.ToJsonString();

        _scrubber.Scrub(input);

        Assert.Equal(before, input.ToJsonString());
    }

    [Fact]
    public void Scrub_Response_ScrubsMessageAndKeepsMetadata()
    {
        var original = JsonNode.Parse(Response)!;

        var result = _scrubber.Scrub(original);

        var document = result.Document!;
        Assert.Equal(
            "Done. I noted SSN <US_SSN> and will write to <EMAIL_ADDRESS>.",
            (string?)document["choices"]![0]!["message"]!["content"]);
        foreach (var field in new[] { "id", "object", "created", "model", "system_fingerprint", "service_tier", "usage" })
        {
            Assert.True(JsonNode.DeepEquals(original[field], document[field]), field);
        }

        Assert.Equal("stop", (string?)document["choices"]![0]!["finish_reason"]);
        Assert.Equal(new Dictionary<string, int> { [EntityTypes.UsSsn] = 1, [EntityTypes.EmailAddress] = 1 }, result.Replacements);
    }
}
