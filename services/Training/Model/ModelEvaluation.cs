namespace SlmPlatform.Training.Model;

/// <summary>
/// A served model scored against the teacher's answers on a dataset's test split: the measure promotion rests on with
/// its 95 % interval, the served latency, and the full report (every applicable measure with its interval and n).
/// </summary>
public sealed record ModelEvaluation(
    Guid ModelId,
    string DatasetId,
    Guid TaskId,
    int Examples,
    string Measure,
    double Agreement,
    double AgreementLower,
    double AgreementUpper,
    double LatencyP50Ms,
    double LatencyP95Ms,
    JsonElement Report,
    DateTimeOffset EvaluatedAt)
{
    /// <summary>The model's risk–coverage curve on this test set; null for a model that gives no confidence.</summary>
    public CoverageCurve? RiskCoverage =>
        Report.ValueKind == JsonValueKind.Object && Report.TryGetProperty(CoverageCurve.ReportKey, out var curve) && curve.ValueKind == JsonValueKind.Object
            ? curve.Deserialize<CoverageCurve>()
            : null;
}
