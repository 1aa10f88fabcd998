using SlmPlatform.Evaluation;

namespace SlmPlatform.Training.Evaluation;

/// <summary>
/// A base model scored on the specialist's test examples: its report (every measure with its interval and n), failed
/// answers and latency; or, with <see cref="Unavailable"/> as status, the reason it could not be scored.
/// </summary>
public sealed record BaselineResult(
    string Status,
    string Model,
    int? Shots,
    IReadOnlyList<string>? ShotCallIds,
    EvaluationReport? Report,
    int? FailedAnswers,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    string? Reason)
{
    public const string Evaluated = "evaluated";
    public const string Unavailable = "unavailable";

    public static BaselineResult NotScored(string model, int? shots, string reason) =>
        new(Unavailable, model, shots, null, null, null, null, null, reason);
}

/// <summary>The baselines beside a specialist, as NVIDIA's Data Flywheel compares them: the base model zero-shot and
/// with in-context examples (<c>base</c> and <c>few_shot</c> in the report).</summary>
public sealed record BaselineResults(BaselineResult Base, BaselineResult FewShot);
