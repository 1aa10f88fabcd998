namespace SlmPlatform.Evaluation;

/// <summary>
/// An LLM judge's question for one free-text answer: whether the candidate conveys the same information as the
/// teacher's reference answer to the request, answered strictly as <c>{"same": true|false}</c>.
/// </summary>
public static class JudgePrompt
{
    public const string Rubric =
        "You compare two answers to the same request. Reply \"same\": true when the candidate answer conveys the same "
        + "information as the reference answer (wording, length and tone do not matter; a missing, extra or contradicting "
        + "fact does), otherwise false. Reply with JSON only, exactly {\"same\": true} or {\"same\": false}.";

    /// <summary>The judge's user turn, after <see cref="Rubric"/> as the system prompt: the request, reference and candidate.</summary>
    public static string UserTurn(string request, string reference, string candidate) =>
        $"Request:\n{request}\n\nReference answer:\n{reference}\n\nCandidate answer:\n{candidate}";

    /// <summary>The verdict in the judge's reply text: a JSON object whose <c>same</c> is a boolean (a Markdown fence
    /// around it is tolerated); null for anything else, which counts as a judge failure, never as a verdict.</summary>
    public static bool? Verdict(string? reply) =>
        JsonAnswers.TryParse(reply) is { ValueKind: JsonValueKind.Object } json
        && json.TryGetProperty("same", out var same)
        && same.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? same.GetBoolean()
            : null;
}
