using System.Text.Json;
using SlmPlatform.Contracts;
using SlmPlatform.Evaluation;

namespace SlmPlatform.Routing;

/// <summary>
/// Whether a specialist's answer says what the teacher's does, judged by the kind of the task's output check: the same
/// label; the same JSON value (key order, spacing and 2 vs 2.0 do not count); the same tool calls, names and arguments
/// (as the evaluation scores them); otherwise the same text once trimmed. This is the online agreement the promotion
/// policy reads — the same measures the offline evaluation uses, on live calls.
/// </summary>
public static class AnswerAgreement
{
    /// <summary>Compares two OpenAI-style assistant messages (<c>content</c>, <c>tool_calls</c>).</summary>
    public static bool Agree(OutputCheck check, JsonElement specialist, JsonElement teacher)
    {
        ArgumentNullException.ThrowIfNull(check);
        var (given, expected) = (Content(specialist), Content(teacher));
        return check.Kind switch
        {
            OutputCheck.LabelKind => OutputCheck.LabelOf(given) is { } label && label == OutputCheck.LabelOf(expected),
            OutputCheck.JsonKind => JsonAnswers.TryParse(given) is { } a && JsonAnswers.TryParse(expected) is { } b && JsonAnswers.Equivalent(a, b),
            OutputCheck.ToolCallKind => ToolCallsAgree(specialist, teacher, given, expected),
            _ => given == expected,
        };
    }

    private static bool ToolCallsAgree(JsonElement specialist, JsonElement teacher, string given, string expected)
    {
        var (calls, teacherCalls) = (ToolCall.FromMessage(specialist), ToolCall.FromMessage(teacher));
        // A teacher that answered in words this time agrees only with the same words.
        return calls.Count == 0 && teacherCalls.Count == 0 ? given == expected : ToolCallMatcher.CallsMatch(calls, teacherCalls);
    }

    private static string Content(JsonElement message) =>
        message.ValueKind == JsonValueKind.Object && message.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String
            ? content.GetString()!.Trim()
            : string.Empty;
}
