namespace SlmPlatform.Training.Model;

/// <summary>Section <c>Training</c>.</summary>
public sealed class TrainingOptions
{
    public const string SectionName = "Training";

    /// <summary>Folder of the local artifact store (datasets, checkpoints, models); relative paths are under the content root.</summary>
    public string ArtifactsPath { get; set; } = "artifacts";

    /// <summary>How long a worker's claim on a job lasts without a heartbeat; heartbeats come every third of it.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How often the sweeper looks for queued jobs never started and running jobs whose worker stopped renewing its lease.</summary>
    public int SweepSeconds { get; set; } = 15;

    /// <summary>Attempts (takeovers and retries after unexpected failures) before a job fails for good.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Time limit of a job that sets none.</summary>
    public int DefaultTimeLimitSeconds { get; set; } = 3600;

    /// <summary>A catalog file to use instead of the embedded one.</summary>
    public string? CatalogPath { get; set; }
}
