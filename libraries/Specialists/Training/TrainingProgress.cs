namespace SlmPlatform.Specialists.Training;

/// <summary>
/// Where a training run stands after an epoch of one ensemble member (0-based <see cref="Member"/> of
/// <see cref="Members"/>). <see cref="Eta"/> is an upper bound: it assumes no member stops early.
/// </summary>
public sealed record TrainingProgress(
    int Member,
    int Members,
    int Epoch,
    int MaxEpochs,
    long Step,
    long MaxSteps,
    double TrainLoss,
    double ValidationLoss,
    double ValidationAccuracy,
    TimeSpan Elapsed,
    TimeSpan Eta);
