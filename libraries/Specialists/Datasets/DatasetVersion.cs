namespace SlmPlatform.Specialists.Datasets;

/// <summary>
/// An immutable, content-addressed dataset: <see cref="Id"/> is derived from the SHA-256 of its canonical JSONL
/// (<see cref="ContentHash"/>) together with its task, so the same curated content always has the same id and any
/// change makes a new version. <see cref="Lineage"/> says which calls went in and why the others did not.
/// </summary>
public sealed record DatasetVersion(
    string Id,
    string TenantId,
    Guid TaskId,
    string OutputKind,
    string ContentHash,
    IReadOnlyDictionary<string, int> Splits,
    IReadOnlyList<string> Labels,
    DatasetLineage Lineage,
    IReadOnlyList<DatasetExample> Examples);

/// <summary>Where a dataset came from: how many calls were read, the options and embedding model used, the calls kept and the calls dropped with their reasons.</summary>
public sealed record DatasetLineage(
    int CallsRead,
    DatasetOptions Options,
    string? EmbeddingModelId,
    IReadOnlyList<string> IncludedCallIds,
    IReadOnlyList<DroppedCall> Dropped)
{
    public IReadOnlyDictionary<string, int> DroppedByReason =>
        Dropped.GroupBy(d => d.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}

/// <summary>A call left out, why, and for a duplicate the call it repeats.</summary>
public sealed record DroppedCall(string CallId, string Reason, string? DuplicateOf = null);
