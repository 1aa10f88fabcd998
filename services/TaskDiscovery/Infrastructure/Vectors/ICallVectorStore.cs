namespace SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

/// <summary>
/// The embeddings of a tenant's calls. Local mode keeps them in <see cref="EmbeddedCallVectorStore"/>; containers
/// mode and the cloud in Qdrant (<see cref="QdrantCallVectorStore"/>). Writes are idempotent by (tenant, call id), so
/// a redelivered call replaces its vector rather than adding one.
/// </summary>
public interface ICallVectorStore
{
    Task UpsertAsync(string tenantId, IReadOnlyList<CallVector> vectors, CancellationToken cancellationToken);

    /// <summary>The stored vectors among <paramref name="callIds"/>; ids without one are left out.</summary>
    Task<IReadOnlyList<CallVector>> GetAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken);

    /// <summary>Deletes the vectors of <paramref name="callIds"/> (an erasure); returns how many there were.</summary>
    Task<long> DeleteAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken);

    /// <summary>The <paramref name="limit"/> calls of the tenant most similar to <paramref name="query"/>, best first.</summary>
    Task<IReadOnlyList<CallSimilarity>> SearchAsync(string tenantId, ReadOnlyMemory<float> query, int limit, CancellationToken cancellationToken);
}

/// <summary>A call's embedding, with the task it was filed under.</summary>
public sealed record CallVector(string CallId, Guid TaskId, float[] Vector);

public sealed record CallSimilarity(string CallId, float Score);
