using System.Text.Json;

namespace SlmPlatform.Contracts.Http;

// The training service's model registry (GET /api/models, GET /api/models/{id}/evaluations), as it answers and as the
// console reads it.

/// <summary>A model in the registry: what it serves, how it was trained, how it scored on held-out data, where its artifacts are.</summary>
public sealed record RegisteredModel(
    Guid Id,
    Guid TaskId,
    Guid JobId,
    string Kind,
    string BaseModel,
    string DatasetId,
    JsonElement Hyperparameters,
    JsonElement Metrics,
    JsonElement Artifacts,
    string Status,
    DateTimeOffset CreatedAt);

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
