namespace SlmPlatform.Evaluation;

/// <summary>
/// A candidate's agreement with the teacher over a held-out set: each applicable measure as a share with its 95 %
/// interval and its own n (a measure counts only the examples it applies to).
/// </summary>
public sealed record EvaluationReport(
    int Examples,
    Proportion ExactMatch,
    Proportion? JsonValid,
    Proportion? JsonEquivalent,
    Proportion? JsonShape,
    Proportion? ToolNames,
    Proportion? ToolCalls,
    Proportion? SemanticMatch = null,
    double? MeanSimilarity = null)
{
    /// <summary>Free-text answers count as a semantic match at this cosine similarity or above.</summary>
    public const double DefaultSimilarityThreshold = 0.9;

    /// <summary>
    /// The measure a promotion decision rests on: full tool calls where the teacher calls tools, JSON equivalence
    /// where it answers JSON, exact match otherwise.
    /// </summary>
    public Proportion Primary => ToolCalls ?? JsonEquivalent ?? SemanticMatch ?? ExactMatch;

    /// <summary>The name of <see cref="Primary"/>: <c>tool_calls</c>, <c>json_equivalent</c>, <c>semantic_match</c> or <c>exact_match</c>.</summary>
    public string PrimaryMeasure =>
        ToolCalls is not null ? "tool_calls" : JsonEquivalent is not null ? "json_equivalent" : SemanticMatch is not null ? "semantic_match" : "exact_match";

    /// <summary>Whether one answer agrees with the teacher's by <see cref="PrimaryMeasure"/>, or by exact match where that
    /// measure does not apply to it.</summary>
    public bool AgreesOnPrimary(AnswerScore score, double similarityThreshold = DefaultSimilarityThreshold)
    {
        ArgumentNullException.ThrowIfNull(score);
        return PrimaryMeasure switch
        {
            "tool_calls" => score.ToolCalls ?? score.ExactMatch,
            "json_equivalent" => score.JsonEquivalent ?? score.ExactMatch,
            "semantic_match" => score.Similarity is { } similarity ? similarity >= similarityThreshold : score.ExactMatch,
            _ => score.ExactMatch,
        };
    }

    /// <summary>The report over the scores; free-text answers with a similarity count as a semantic match at
    /// <paramref name="similarityThreshold"/> or above.</summary>
    public static EvaluationReport Of(IReadOnlyCollection<AnswerScore> scores, double similarityThreshold = DefaultSimilarityThreshold)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var similarities = scores.Where(s => s.Similarity is not null).Select(s => s.Similarity!.Value).ToList();
        return new EvaluationReport(
            scores.Count,
            Proportion.Of(scores.Select(s => s.ExactMatch)),
            Applicable(scores, s => s.JsonValid),
            Applicable(scores, s => s.JsonEquivalent),
            Applicable(scores, s => s.JsonShape),
            Applicable(scores, s => s.ToolNames),
            Applicable(scores, s => s.ToolCalls),
            similarities.Count == 0 ? null : Proportion.Of(similarities.Select(v => v >= similarityThreshold)),
            similarities.Count == 0 ? null : similarities.Average());
    }

    private static Proportion? Applicable(IEnumerable<AnswerScore> scores, Func<AnswerScore, bool?> measure)
    {
        var outcomes = scores.Select(measure).Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return outcomes.Count == 0 ? null : Proportion.Of(outcomes);
    }
}
