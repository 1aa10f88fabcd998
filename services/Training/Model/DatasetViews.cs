namespace SlmPlatform.Training.Model;

/// <summary>A stored dataset version (without its examples, which are in the artifact store).</summary>
public sealed record StoredDataset(
    string Id, Guid TaskId, string OutputKind, string ContentHash, JsonElement Splits, JsonElement Labels, JsonElement Lineage, string ArtifactKey, DateTimeOffset CreatedAt);
