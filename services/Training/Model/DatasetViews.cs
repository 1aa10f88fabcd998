namespace SlmPlatform.Training.Model;

/// <summary>A dataset version as lists show it: what it holds, without its lineage or examples.</summary>
public sealed record DatasetSummary(string Id, Guid TaskId, string OutputKind, string ContentHash, JsonElement Splits, JsonElement Labels, DateTimeOffset CreatedAt);

/// <summary>A page of dataset versions, newest first; <see cref="Next"/> is the 'after' of the next page, null on the last.</summary>
public sealed record DatasetPage(IReadOnlyList<DatasetSummary> Items, string? Next);

/// <summary>A stored dataset version (without its examples, which are in the artifact store).</summary>
public sealed record StoredDataset(
    string Id, Guid TaskId, string OutputKind, string ContentHash, JsonElement Splits, JsonElement Labels, JsonElement Lineage, string ArtifactKey, DateTimeOffset CreatedAt);
