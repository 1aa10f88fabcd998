namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>
/// Vectors by id, each owned by a tenant, searchable by cosine similarity. Implementations are thread-safe:
/// searches run concurrently, writes exclusively. Vectors are stored L2-normalised.
/// </summary>
public interface IVectorIndex
{
    int Dimensions { get; }

    int Count { get; }

    /// <summary>Adds the vector, or replaces the vector and tenant already stored under <paramref name="id"/>.</summary>
    void Upsert(string id, string tenant, ReadOnlySpan<float> vector);

    /// <summary>Removes <paramref name="id"/>; false when it was not there.</summary>
    bool Delete(string id);

    /// <summary>The <paramref name="k"/> most similar vectors, best first, of <paramref name="tenant"/> only (or of
    /// every tenant when null).</summary>
    IReadOnlyList<VectorHit> Search(ReadOnlySpan<float> query, int k, string? tenant = null);

    /// <summary>Writes the whole index; <see cref="FlatVectorIndex.Load"/> reads it back.</summary>
    void Save(Stream destination);
}
