namespace SlmPlatform.Contracts;

/// <summary>
/// Command to a training worker: run fine-tune job <see cref="JobId"/>. The job's row holds everything else; a
/// repeated command for a job that is running elsewhere or already finished changes nothing.
/// </summary>
public sealed record StartFineTune(Guid JobId, string TenantId);
