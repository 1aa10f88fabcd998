using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlmPlatform.Contracts.Http;

/// <summary>
/// A chat completion as a caller of serving (or of any OpenAI-compatible endpoint) reads it: the first choice's
/// assistant message kept as it came (content, tool calls: compared or relayed, never rebuilt), the usage, and the
/// specialist's confidence where the endpoint reports one (serving's specialists do; a teacher does not).
/// </summary>
public sealed record ChatCompletionReply(
    [property: JsonPropertyName("choices")] IReadOnlyList<ChatCompletionChoice> Choices,
    [property: JsonPropertyName("usage")] JsonElement Usage,
    [property: JsonPropertyName(AnswerConfidence.PropertyName)] AnswerConfidence? Confidence = null)
{
    /// <summary>The first choice's message; a completion without one is malformed.</summary>
    [JsonIgnore]
    public JsonElement Message => Choices is [{ Message.ValueKind: JsonValueKind.Object } first, ..]
        ? first.Message
        : throw new JsonException("The completion has no assistant message.");
}

public sealed record ChatCompletionChoice([property: JsonPropertyName("message")] JsonElement Message);
