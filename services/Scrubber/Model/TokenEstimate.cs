using System.Text.Json.Nodes;
using Microsoft.ML.Tokenizers;

namespace SlmPlatform.Scrubber.Model;

/// <summary>
/// Token counts for a call that carries no usage (a replayed log, a span without it), so that its cost — and what a
/// specialist saves by answering it — is not taken as zero. Counted with GPT-4o's tokenizer (o200k_base), whatever the
/// teacher, with OpenAI's published chat overhead: 3 tokens per message and 3 to prime the reply. For other providers
/// it is an estimate of the same order, and the call's facts say it was estimated.
/// </summary>
public static class TokenEstimate
{
    private const int PerMessage = 3;
    private const int ReplyPriming = 3;
    private static readonly Lazy<Tokenizer> Encoding = new(() => TiktokenTokenizer.CreateForModel("gpt-4o"));

    public static int Prompt(JsonArray messages, JsonArray? tools)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var tokens = ReplyPriming;
        foreach (var message in messages.OfType<JsonObject>())
        {
            tokens += PerMessage + Count(message["content"]) + Count(message["tool_calls"]);
        }

        // Tool definitions are billed too; their JSON is a fair stand-in for the provider's own rendering of them.
        return tokens + Count(tools);
    }

    public static int Completion(JsonObject? message) => message is null ? 0 : Count(message["content"]) + Count(message["tool_calls"]);

    private static int Count(JsonNode? node) => node switch
    {
        null => 0,
        JsonValue value when value.TryGetValue<string>(out var text) => Encoding.Value.CountTokens(text),
        _ => Encoding.Value.CountTokens(node.ToJsonString()),
    };
}
