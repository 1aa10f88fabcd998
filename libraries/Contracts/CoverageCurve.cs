using System.Text.Json.Serialization;

namespace SlmPlatform.Contracts;

/// <summary>
/// A specialist's risk–coverage curve on a held-out set: answering only at a confidence of at least a point's
/// threshold, it answers that point's examples and agrees with the teacher on some of them; the teacher answers the
/// rest. <see cref="Examples"/> is the whole set, failed answers included (they never answer on their own).
/// </summary>
public sealed record CoverageCurve(
    [property: JsonPropertyName("signal")] string Signal,
    [property: JsonPropertyName("examples")] int Examples,
    [property: JsonPropertyName("points")] IReadOnlyList<CoveragePoint> Points)
{
    /// <summary>Where an evaluation report (<c>GET /api/models/{id}/evaluations</c>) holds the curve.</summary>
    public const string ReportKey = "risk_coverage";
}

/// <summary>One operating point of a <see cref="CoverageCurve"/>.</summary>
public sealed record CoveragePoint(
    [property: JsonPropertyName("threshold")] double Threshold,
    [property: JsonPropertyName("answered")] int Answered,
    [property: JsonPropertyName("agreed")] int Agreed);
