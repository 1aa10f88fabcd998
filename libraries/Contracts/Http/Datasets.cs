using System.Text.Json;

namespace SlmPlatform.Contracts.Http;

// The training service's dataset list (GET /api/datasets), as it answers and as the console reads it.

/// <summary>
/// A dataset version as lists show it: what it holds, without its lineage or examples. <see cref="Splits"/> counts the
/// examples per split (train, validation, test); <see cref="Labels"/> lists a label task's labels.
/// </summary>
public sealed record DatasetSummary(string Id, Guid TaskId, string OutputKind, string ContentHash, JsonElement Splits, JsonElement Labels, DateTimeOffset CreatedAt);

/// <summary>A page of dataset versions, newest first; <see cref="Next"/> is the 'after' of the next page, null on the last.</summary>
public sealed record DatasetPage(IReadOnlyList<DatasetSummary> Items, string? Next);
