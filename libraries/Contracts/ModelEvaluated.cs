namespace SlmPlatform.Contracts;

/// <summary>
/// A served specialist was scored against the teacher's own answers on a dataset's held-out test split. Carries the
/// measure a promotion decision rests on (<see cref="Measure"/>: tool_calls, json_equivalent or exact_match) with its
/// 95 % Wilson interval; the full report is at <c>GET /api/models/{id}/evaluations</c> on the training service.
/// <see cref="EventId"/> is derived from the model, the dataset and the time of the evaluation: each evaluation is one event.
/// <see cref="RiskCoverage"/> is there for a specialist that says how sure it is of each answer: from it the promotion
/// policy derives the confidence threshold at its bar, and the share of calls the specialist may answer at parity.
/// <see cref="RequestId"/> is set when the evaluation answers an <see cref="EvaluateModel"/> command (its
/// <see cref="EvaluateModel.CommandId"/>), and null for the evaluation of a newly trained model or one asked for by hand.
/// </summary>
public sealed record ModelEvaluated(
    Guid EventId,
    string TenantId,
    Guid ModelId,
    Guid TaskId,
    string Kind,
    string DatasetId,
    int Examples,
    string Measure,
    double Agreement,
    double AgreementLower,
    double AgreementUpper,
    double LatencyP50Ms,
    CoverageCurve? RiskCoverage = null,
    Guid? RequestId = null);
