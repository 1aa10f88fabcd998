using SlmPlatform.Evaluation;

namespace SlmPlatform.Training.Evaluation;

/// <summary>
/// An LLM judge's verdicts on the specialist's free-text answers: the share judged to convey the same information as
/// the teacher's (over the answers it gave a verdict on), and how many it failed to judge (late, unreachable, or a
/// reply other than <c>{"same": true|false}</c>).
/// </summary>
public sealed record JudgeResult(string Status, string Model, int FreeTextAnswers, Proportion? Same, int Failures, string? Reason)
{
    public const string Judged = "judged";
    public const string Unavailable = "unavailable";
}
