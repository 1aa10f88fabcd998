using System.Text.Json.Serialization;

namespace SlmPlatform.Serving.Model;

// The OpenAI chat-completions API, as far as specialists need it. Content may be a string or an array of parts.

public sealed record OpenAiChatRequest(string? Model, IReadOnlyList<OpenAiMessage>? Messages, bool? Stream);

public sealed record OpenAiMessage(string? Role, JsonElement Content);

public sealed record OpenAiAnswerMessage(string Role, string? Content);

public sealed record OpenAiChoice(int Index, OpenAiAnswerMessage Message, string FinishReason);

public sealed record OpenAiUsage(int PromptTokens, int CompletionTokens, int TotalTokens);

public sealed record OpenAiCompletion(
    string Id, [property: JsonPropertyName("object")] string ObjectType, long Created, string Model, IReadOnlyList<OpenAiChoice> Choices, OpenAiUsage Usage,
    [property: JsonPropertyName(AnswerConfidence.PropertyName), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AnswerConfidence? Confidence = null);

public sealed record OpenAiDelta(string? Role, string? Content);

public sealed record OpenAiChunkChoice(int Index, OpenAiDelta Delta, string? FinishReason);

public sealed record OpenAiChunk(
    string Id, [property: JsonPropertyName("object")] string ObjectType, long Created, string Model, IReadOnlyList<OpenAiChunkChoice> Choices, OpenAiUsage? Usage = null,
    [property: JsonPropertyName(AnswerConfidence.PropertyName), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AnswerConfidence? Confidence = null);

public sealed record OpenAiModel(string Id, [property: JsonPropertyName("object")] string ObjectType, long Created, string OwnedBy);

public sealed record OpenAiModelList([property: JsonPropertyName("object")] string ObjectType, IReadOnlyList<OpenAiModel> Data);
