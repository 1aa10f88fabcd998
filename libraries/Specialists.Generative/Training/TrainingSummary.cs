namespace SlmPlatform.Specialists.Generative;

/// <summary>How a specialist was trained, for the model registry.</summary>
public sealed record TrainingSummary(
    long Steps,
    int Epochs,
    TimeSpan Elapsed,
    double FinalLoss,
    double? ValidationLoss,
    double? ValidationExactMatch,
    long Parameters,
    bool StoppedByTimeBudget);
