using SlmPlatform.Evaluation;
using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Training.Evaluation;

/// <summary>One candidate's answers to a test set, each scored against the teacher's, with the latencies sorted.</summary>
public sealed class ScoredAnswers
{
    private static readonly JsonElement NoAnswer = JsonSerializer.SerializeToElement(new { role = "assistant", content = string.Empty });

    private ScoredAnswers(int count)
    {
        Answers = new JsonElement[count];
        Scores = new AnswerScore[count];
        Latencies = new double[count];
        Confidences = new (double Score, string Signal)?[count];
    }

    public JsonElement[] Answers { get; }

    public AnswerScore[] Scores { get; }

    /// <summary>How sure the candidate said it was of each answer; null where it did not say or the answer failed.</summary>
    public (double Score, string Signal)?[] Confidences { get; }

    /// <summary>The risk–coverage curve by the primary measure of <paramref name="report"/>, where the candidate said how
    /// sure it was of its answers; null where it never did.</summary>
    public CoverageCurve? RiskCoverage(EvaluationReport report, double similarityThreshold)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (Confidences.FirstOrDefault(c => c is not null) is not { } first)
        {
            return null;
        }

        return SlmPlatform.Evaluation.RiskCoverage.Curve(
            first.Signal, [.. Scores.Select((score, i) => (Confidences[i]?.Score, report.AgreesOnPrimary(score, similarityThreshold)))]);
    }

    /// <summary>Milliseconds, ascending once collected.</summary>
    public double[] Latencies { get; }

    /// <summary>Answers that were late or malformed (scored as empty answers).</summary>
    public int Failed { get; private set; }

    /// <summary>Asks for every example's answer, <paramref name="concurrency"/> at a time; an exception from
    /// <paramref name="ask"/> (the candidate cannot be reached) ends the collection.</summary>
    public static async Task<ScoredAnswers> CollectAsync(
        IReadOnlyList<DatasetExample> test, int concurrency,
        Func<DatasetExample, CancellationToken, Task<ChatReply>> ask, CancellationToken cancellationToken)
    {
        var scored = new ScoredAnswers(test.Count);
        var failed = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, test.Count),
            new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var (message, elapsed, confidence) = await ask(test[i], token);
                if (message is null)
                {
                    Interlocked.Increment(ref failed);
                }

                scored.Answers[i] = message ?? NoAnswer;
                scored.Scores[i] = AnswerScore.Compare(scored.Answers[i], test[i].Answer);
                scored.Latencies[i] = elapsed.TotalMilliseconds;
                scored.Confidences[i] = message is null ? null : confidence;
            });
        scored.Failed = failed;
        Array.Sort(scored.Latencies);
        return scored;
    }

    public double Percentile(double share) => Latencies[Math.Min(Latencies.Length - 1, (int)(share * Latencies.Length))];
}
