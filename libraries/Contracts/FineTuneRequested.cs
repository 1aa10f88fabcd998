namespace SlmPlatform.Contracts;

/// <summary>
/// A fine-tune job is asked for a task (the promotion policy retraining after a demotion, or on answers its specialist
/// has never seen): the training service creates it, letting the selector choose the kind, unless a job with the same
/// <see cref="ClientJobId"/> exists already. <see cref="RequestId"/> derives from tenant and client job id, so a
/// request sent twice is one job.
/// </summary>
public sealed record FineTuneRequested(Guid RequestId, string TenantId, Guid TaskId, string ClientJobId, string Reason);
