namespace SlmPlatform.Training.Model;

/// <summary>A fine-tune job as the API returns it.</summary>
public sealed record FineTuneJob(
    Guid Id,
    string? ClientJobId,
    Guid TaskId,
    string Kind,
    string State,
    bool CancelRequested,
    int Attempts,
    string? DatasetId,
    Guid? ModelId,
    JsonElement? Selection,
    JsonElement? Progress,
    string? Error,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt);

/// <summary>A job row with what a worker needs to run it.</summary>
public sealed record JobRow(FineTuneJob Job, string TenantId, FineTuneRequest Request, string? CheckpointKey);
