namespace SlmPlatform.Evaluation;

/// <summary>
/// How one candidate answer compares with the teacher's. A measure that does not apply to this answer is null: JSON
/// measures only where the teacher answered JSON, tool-call measures only where the teacher called tools.
/// </summary>
public sealed record AnswerScore(bool ExactMatch, bool? JsonValid, bool? JsonEquivalent, bool? JsonShape, bool? ToolNames, bool? ToolCalls)
{
    /// <summary>Cosine similarity of the two answers' sentence embeddings, where the teacher answered free text (set by
    /// <see cref="WithSimilarity"/>; null elsewhere, where exact, JSON and tool-call measures say more).</summary>
    public double? Similarity { get; init; }

    /// <summary>True where the teacher answered free text: neither a tool call nor JSON.</summary>
    public bool IsFreeText => JsonValid is null && ToolCalls is null;

    public AnswerScore WithSimilarity(double similarity) => this with { Similarity = similarity };

    /// <summary>The answer's text, as compared (content only; empty for a tool call).</summary>
    public static string TextOf(JsonElement message) => Content(message);

    /// <summary>Compares two OpenAI-style assistant messages (<c>content</c>, <c>tool_calls</c>).</summary>
    public static AnswerScore Compare(JsonElement candidate, JsonElement teacher)
    {
        var teacherCalls = ToolCall.FromMessage(teacher);
        if (teacherCalls.Count > 0)
        {
            var calls = ToolCall.FromMessage(candidate);
            var names = ToolCallMatcher.NamesMatch(calls, teacherCalls);
            var full = names && ToolCallMatcher.CallsMatch(calls, teacherCalls);
            return new AnswerScore(full, null, null, null, names, full);
        }

        var expected = Content(teacher);
        var given = Content(candidate);
        var exact = Normalise(given) == Normalise(expected);
        if (JsonAnswers.TryParse(expected) is not { } teacherJson)
        {
            return new AnswerScore(exact, null, null, null, null, null);
        }

        var candidateJson = JsonAnswers.TryParse(given);
        return new AnswerScore(
            exact,
            candidateJson is not null,
            candidateJson is { } c1 && JsonAnswers.Equivalent(c1, teacherJson),
            candidateJson is { } c2 && JsonAnswers.SameShape(c2, teacherJson),
            null,
            null);
    }

    /// <summary>Compares plain answer texts (a label, a JSON document, a sentence).</summary>
    public static AnswerScore Compare(string candidate, string teacher) =>
        Compare(Message(candidate), Message(teacher));

    private static JsonElement Message(string content) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["role"] = "assistant", ["content"] = content });

    private static string Content(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
            ? content.GetString()!
            : string.Empty;

    // Whitespace at the ends and runs of it inside never change what an answer says.
    private static string Normalise(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
