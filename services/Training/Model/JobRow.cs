namespace SlmPlatform.Training.Model;

/// <summary>A job row with what a worker needs to run it.</summary>
public sealed record JobRow(FineTuneJob Job, string TenantId, FineTuneRequest Request, string? CheckpointKey);
