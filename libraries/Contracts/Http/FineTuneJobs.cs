using System.Text.Json;

namespace SlmPlatform.Contracts.Http;

// The training service's fine-tune jobs API (GET/POST /api/finetune-jobs), as it answers and as the console reads it.

/// <summary>
/// A fine-tune job. <see cref="Progress"/> is what the worker last reported: <c>phase</c>, and while training
/// <c>epoch</c>, <c>max_epochs</c>, the losses and <c>eta_seconds</c>.
/// </summary>
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

/// <summary>A page of jobs, and <see cref="Next"/>: what to pass as <c>after</c> for the page after it (null on the last).</summary>
public sealed record FineTuneJobPage(IReadOnlyList<FineTuneJob> Items, string? Next);

/// <summary>The fields of <c>POST /api/finetune-jobs</c> a person sets from the console; the rest take the service's defaults.</summary>
public sealed record FineTuneJobStart(Guid TaskId, string Kind = "auto");
