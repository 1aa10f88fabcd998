namespace SlmPlatform.Embeddings;

/// <summary>
/// Where vectors of texts already embedded are kept, by content hash (<see cref="EmbeddingCacheKey"/>). Agents send
/// the same system prompts and tool definitions over and over; the tasks service backs this with Redis (MGET/MSET
/// of the raw floats), tests with <see cref="InMemoryEmbeddingCache"/>.
/// </summary>
public interface IEmbeddingCache
{
    /// <summary>The cached vector for each key, or null where there is none; same length and order as the keys.</summary>
    ValueTask<float[]?[]> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default);

    ValueTask SetManyAsync(IReadOnlyList<KeyValuePair<string, float[]>> entries, CancellationToken cancellationToken = default);

    /// <summary>Removes the keys' entries (an erasure); returns how many there were.</summary>
    ValueTask<long> RemoveManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default);
}
