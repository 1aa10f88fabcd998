namespace SlmPlatform.Contracts;

/// <summary>
/// The answer to an <see cref="EvaluateModel"/> that cannot be carried out: the model is not the tenant's, or the
/// dataset is unknown, another task's, or has no test split (<see cref="Reason"/> says which). Serving being away is
/// not a refusal: the command is retried. <see cref="TaskId"/> is the command's.
/// </summary>
public sealed record ModelEvaluationRefused(Guid EventId, string TenantId, Guid RequestId, Guid ModelId, string DatasetId, string Reason, Guid TaskId);
