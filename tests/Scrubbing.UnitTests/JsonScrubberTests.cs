using System.Text.Json.Nodes;

namespace SlmPlatform.Scrubbing.UnitTests;

public sealed class JsonScrubberTests
{
    private readonly JsonScrubber _scrubber = new(DefaultRecognizers.CreateScrubber());

    [Fact]
    public void Scrub_Null_ReturnsNullAndNoCounts()
    {
        var result = _scrubber.Scrub(null);

        Assert.Null(result.Document);
        Assert.Empty(result.Replacements);
    }

    [Fact]
    public void Scrub_StringsAtAnyDepth_AreScrubbed()
    {
        var result = Scrub("""{"a":{"b":[["x jane@example.com"]]},"c":"10.0.0.1"}""");

        Assert.Equal("""{"a":{"b":[["x <EMAIL_ADDRESS>"]]},"c":"<IP_ADDRESS>"}""", JsonText.Of(result.Document));
    }

    [Fact]
    public void Scrub_SaysWhereEachStandInSits_ByPathAndOffsetInTheScrubbedValue()
    {
        var result = Scrub("""{"messages":[{"role":"system","content":"Route."},{"role":"user","content":"Write to jane@example.com or call from 10.0.0.1 today"}],"n":7}""");

        var value = Assert.Single(result.Values);
        Assert.Equal("$.messages[1].content", value.Path);
        var text = result.Document!["messages"]![1]!["content"]!.GetValue<string>();
        Assert.Equal([("EMAIL_ADDRESS", "<EMAIL_ADDRESS>"), ("IP_ADDRESS", "<IP_ADDRESS>")], value.Spans.Select(s => (s.EntityType, text.Substring(s.Start, s.Length))));
        Assert.Equal("Write to ", text[..value.Spans[0].Start]);
        Assert.Equal(" today", text[(value.Spans[^1].Start + value.Spans[^1].Length)..]);
    }

    [Fact]
    public void Scrub_AValueWithNothingToReplace_HasNoStandIns()
    {
        var result = Scrub("""{"messages":[{"role":"user","content":"Where is my parcel?"}]}""");

        Assert.Empty(result.Values);
    }

    [Fact]
    public void Scrub_ValueUnderANamingProperty_IsTypedByTheProperty()
    {
        // Unknown words in lower case say nothing alone (the same value under "notes" is kept); the property's name
        // says what they are.
        var result = Scrub("""{"customer_name":"quorvel tindemanns","city":"zagórzyce","product_name":"blue kettle","notes":"quorvel tindemanns"}""");

        Assert.Equal("""{"customer_name":"<PERSON>","city":"<LOCATION>","product_name":"blue kettle","notes":"quorvel tindemanns"}""", JsonText.Of(result.Document));
        Assert.Equal(1, result.Replacements["PERSON"]);
        Assert.Equal(1, result.Replacements["LOCATION"]);
    }

    [Fact]
    public void Scrub_PropertyNames_AreNotScrubbed()
    {
        var result = Scrub("""{"jane@example.com":true}""");

        Assert.Equal("""{"jane@example.com":true}""", JsonText.Of(result.Document));
    }

    [Fact]
    public void Scrub_StructuralKeys_KeepValuesThatWouldOtherwiseMatch()
    {
        // Contrived values that a recognizer would replace anywhere else.
        var result = Scrub("""{"id":"4111111111111111","created":4155550132,"amount":4155550132}""");

        Assert.Equal("""{"id":"4111111111111111","created":4155550132,"amount":"<PHONE_NUMBER>"}""", JsonText.Of(result.Document));
    }

    [Fact]
    public void Scrub_NumberThatIsACard_BecomesPlaceholderString()
    {
        var result = Scrub("""{"card":4111111111111111,"count":3,"price":19.99}""");

        Assert.Equal("""{"card":"<CREDIT_CARD>","count":3,"price":19.99}""", JsonText.Of(result.Document));
        Assert.Equal(1, result.Replacements[EntityTypes.CreditCard]);
    }

    [Fact]
    public void Scrub_MessageName_IsScrubbedButFunctionNameIsKept()
    {
        const string credentialShapedName = "sk-abcdefghijklmnopqrstuvwxyz";
        var result = Scrub($$$"""
            {"messages":[{"role":"user","name":"{{{credentialShapedName}}}","content":"hi"}],
             "tools":[{"type":"function","function":{"name":"{{{credentialShapedName}}}"}}],
             "functions":[{"name":"{{{credentialShapedName}}}"}],
             "function_call":{"name":"{{{credentialShapedName}}}","arguments":"{}"},
             "input":[{"type":"function_call","name":"{{{credentialShapedName}}}","arguments":"{}"}]}
            """);

        var document = result.Document!;
        Assert.Equal("<CREDENTIAL>", (string?)document["messages"]![0]!["name"]);
        Assert.Equal(credentialShapedName, (string?)document["tools"]![0]!["function"]!["name"]);
        Assert.Equal(credentialShapedName, (string?)document["functions"]![0]!["name"]);
        Assert.Equal(credentialShapedName, (string?)document["function_call"]!["name"]);
        Assert.Equal(credentialShapedName, (string?)document["input"]![0]!["name"]);
    }

    [Fact]
    public void Scrub_StructuralKeysInsideToolArguments_AreScrubbed()
    {
        // Inside arguments the keys are the model's choice: an "id" there can be anything.
        var result = Scrub("""{"function":{"name":"lookup","arguments":{"id":"219-09-9999","type":"jane@example.com"}}}""");

        var arguments = result.Document!["function"]!["arguments"]!;
        Assert.Equal("<US_SSN>", (string?)arguments["id"]);
        Assert.Equal("<EMAIL_ADDRESS>", (string?)arguments["type"]);
    }

    [Fact]
    public void Scrub_JsonInString_StaysValidJsonWithTypes()
    {
        var inner = """{"id":"219-09-9999","n":7,"ok":false,"tags":["a","jane@example.com"],"none":null}""";
        var result = Scrub(new JsonObject { ["content"] = inner }.ToJsonString());

        var scrubbed = JsonNode.Parse((string)result.Document!["content"]!)!;
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"id":"<US_SSN>","n":7,"ok":false,"tags":["a","<EMAIL_ADDRESS>"],"none":null}"""),
            scrubbed));
    }

    [Fact]
    public void Scrub_JsonInStringWithoutPii_KeepsOriginalFormatting()
    {
        // A city is a LOCATION, hence PII: the value here must be one that no recognizer flags.
        const string inner = "{ \"units\": \"metric\",\n  \"days\": [1, 2] }";

        var result = Scrub(new JsonObject { ["arguments"] = inner }.ToJsonString());

        Assert.Equal(inner, (string?)result.Document!["arguments"]);
    }

    [Fact]
    public void Scrub_JsonInsideJsonInString_IsScrubbedAtEveryLevel()
    {
        var innermost = new JsonObject { ["email"] = "jane@example.com" }.ToJsonString();
        var middle = new JsonObject { ["payload"] = innermost }.ToJsonString();

        var result = Scrub(new JsonObject { ["content"] = middle }.ToJsonString());

        var payload = (string?)JsonNode.Parse((string)result.Document!["content"]!)!["payload"];
        Assert.Equal("<EMAIL_ADDRESS>", (string?)JsonNode.Parse(payload!)!["email"]);
        Assert.Equal(1, result.Replacements[EntityTypes.EmailAddress]);
    }

    [Theory]
    [InlineData("{not json, mail jane@example.com", "{not json, mail <EMAIL_ADDRESS>")]
    [InlineData("[1] see jane@example.com", "[1] see <EMAIL_ADDRESS>")]
    public void Scrub_BracketTextThatIsNotJson_IsScrubbedAsText(string value, string expected)
    {
        var result = Scrub(new JsonObject { ["content"] = value }.ToJsonString());

        Assert.Equal(expected, (string?)result.Document!["content"]);
    }

    [Fact]
    public void Scrub_TopLevelString_IsScrubbed()
    {
        var result = _scrubber.Scrub(JsonValue.Create("mail jane@example.com"));

        Assert.Equal("mail <EMAIL_ADDRESS>", (string?)result.Document);
    }

    [Fact]
    public void Scrub_NodeBuiltInCode_IsScrubbedAndNotModified()
    {
        var input = new JsonObject { ["card"] = 4111111111111111L, ["text"] = "ip 10.0.0.1" };

        var result = _scrubber.Scrub(input);

        Assert.Equal("""{"card":"<CREDIT_CARD>","text":"ip <IP_ADDRESS>"}""", JsonText.Of(result.Document));
        Assert.Equal(4111111111111111L, (long)input["card"]!);
    }

    [Fact]
    public void Scrub_NodeHoldingNonStringClrValues_ReadsTheirJsonForm()
    {
        var when = new DateTimeOffset(2024, 6, 10, 12, 30, 45, TimeSpan.Zero);
        var input = new JsonObject { ["when"] = when, ["ref"] = Guid.Empty, ["who"] = "jane@example.com" };

        var result = _scrubber.Scrub(input);

        Assert.Equal(when, result.Document!["when"]!.GetValue<DateTimeOffset>());
        Assert.Equal("<EMAIL_ADDRESS>", (string?)result.Document["who"]);
    }

    private ScrubbedDocument Scrub(string json) => _scrubber.Scrub(JsonNode.Parse(json));
}
