namespace SlmPlatform.Contracts;

/// <summary>
/// A fine-tune job finished an epoch. <see cref="EventId"/> is derived from the job, member and epoch, so a resumed
/// job that repeats an epoch announces it under the same id. <c>Member</c> is the 0-based ensemble member.
/// </summary>
public sealed record FineTuneProgressed(
    Guid EventId,
    string TenantId,
    Guid JobId,
    int Member,
    int Members,
    int Epoch,
    int MaxEpochs,
    long Step,
    long MaxSteps,
    double TrainLoss,
    double ValidationLoss,
    double ValidationAccuracy,
    double EtaSeconds,
    DateTimeOffset OccurredAt);
