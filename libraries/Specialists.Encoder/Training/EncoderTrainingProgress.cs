namespace SlmPlatform.Specialists.Encoder.Training;

/// <summary>Where a fine-tuning run is: reported every few steps and at the end.</summary>
public sealed record EncoderTrainingProgress(int Step, int PlannedSteps, int Epoch, double Loss, TimeSpan Elapsed, double ExamplesPerSecond);
