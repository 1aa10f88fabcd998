namespace SlmPlatform.Evaluation;

/// <summary>
/// One point of a risk–coverage curve: a specialist that answers only when its confidence is at least
/// <see cref="Threshold"/> answers <see cref="Answered"/> of the held-out examples and agrees with the teacher on
/// <see cref="Agreed"/> of those; the teacher answers the rest.
/// </summary>
public sealed record CoveragePoint(double Threshold, int Answered, int Agreed)
{
    public Proportion Agreement => new(Agreed, Answered);
}

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
    /// The curve from each example's confidence and whether the answer agreed with the teacher's: one point per distinct
    /// confidence (examples tied on it are answered or not together), from the most confident down, thinned evenly to at
    /// most <paramref name="maxPoints"/> (the last, answering everything, always kept). Empty without examples.
    /// </summary>
    public static IReadOnlyList<CoveragePoint> Curve(IEnumerable<(double Confidence, bool Agreed)> answers, int maxPoints = MaxPoints)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        var sorted = answers.OrderByDescending(a => a.Confidence).ToList();
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

        return points.Count <= maxPoints
            ? points
            : [.. Enumerable.Range(1, maxPoints).Select(k => points[(int)((long)k * points.Count / maxPoints) - 1])];
    }

    /// <summary>
    /// The operating point with the most answered examples whose agreement reaches <paramref name="bar"/> on its lower
    /// bound; null when none does. Coverage is a share of the held-out set, which the curve's last point answers whole.
    /// </summary>
    /// <remarks>
    /// Picking the largest passing point out of many reads the bound a little optimistically; the gateway's online
    /// comparisons at the threshold, which can demote the specialist, are the check on live calls.
    /// </remarks>
    public static SelectiveOperatingPoint? AtBar(IReadOnlyList<CoveragePoint> curve, double bar)
    {
        ArgumentNullException.ThrowIfNull(curve);
        if (curve.Count == 0)
        {
            return null;
        }

        var examples = curve[^1].Answered;
        var best = curve.LastOrDefault(p => p.Answered > 0 && p.Agreement.Low >= bar);
        return best is null ? null : new SelectiveOperatingPoint(best.Threshold, (double)best.Answered / examples, best.Answered, examples, best.Agreement);
    }
}
