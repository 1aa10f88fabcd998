using SlmPlatform.Contracts;

namespace SlmPlatform.Evaluation;

/// <summary>Where a specialist that abstains below a confidence threshold stands against a bar.</summary>
public sealed record SelectiveOperatingPoint(double Threshold, double Coverage, int Answered, int Examples, Proportion Agreement);

/// <summary>
/// The risk–coverage curve of a specialist's answers on a held-out set (Geifman and El-Yaniv's selective
/// classification), and the threshold at which it may answer on its own: the lowest confidence at which agreement with
/// the teacher on the answered examples still reaches the bar on the lower bound of its 95 % Wilson interval. The
/// curve is the evaluation's fact; the threshold depends on the tenant's bar, so whoever holds the bar derives it.
/// </summary>
public static class RiskCoverage
{
    /// <summary>Points kept on a curve at most; a held-out set of a few hundred examples keeps every one.</summary>
    public const int MaxPoints = 400;

    /// <summary>
    /// The curve from each example's confidence (null for an answer that failed: it never answers on its own) and
    /// whether the answer agreed with the teacher's: one point per distinct confidence (examples tied on it are answered
    /// or not together), from the most confident down, thinned evenly to at most <paramref name="maxPoints"/> (the
    /// last, answering all that can be, always kept).
    /// </summary>
    public static CoverageCurve Curve(string signal, IReadOnlyCollection<(double? Confidence, bool Agreed)> answers, int maxPoints = MaxPoints)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        var sorted = answers.Where(a => a.Confidence is not null).Select(a => (Confidence: a.Confidence!.Value, a.Agreed)).OrderByDescending(a => a.Confidence).ToList();
        var points = new List<CoveragePoint>();
        var agreed = 0;
        for (var i = 0; i < sorted.Count; i++)
        {
            agreed += sorted[i].Agreed ? 1 : 0;
            if (i + 1 == sorted.Count || sorted[i + 1].Confidence < sorted[i].Confidence)
            {
                points.Add(new CoveragePoint(sorted[i].Confidence, i + 1, agreed));
            }
        }

        return new CoverageCurve(signal, answers.Count, points.Count <= maxPoints
            ? points
            : [.. Enumerable.Range(1, maxPoints).Select(k => points[(int)((long)k * points.Count / maxPoints) - 1])]);
    }

    /// <summary>
    /// The operating point with the most answered examples whose agreement reaches <paramref name="bar"/> on its lower
    /// bound; null when none does. Coverage is a share of the held-out set, which the curve's last point answers whole.
    /// </summary>
    /// <remarks>
    /// Picking the largest passing point out of many reads the bound a little optimistically; the gateway's online
    /// comparisons at the threshold, which can demote the specialist, are the check on live calls.
    /// </remarks>
    public static SelectiveOperatingPoint? AtBar(CoverageCurve curve, double bar)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var best = curve.Points.LastOrDefault(p => p.Answered > 0 && AgreementOf(p).Low >= bar);
        return best is null ? null : new SelectiveOperatingPoint(best.Threshold, (double)best.Answered / curve.Examples, best.Answered, curve.Examples, AgreementOf(best));
    }

    public static Proportion AgreementOf(CoveragePoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return new Proportion(point.Agreed, point.Answered);
    }
}
