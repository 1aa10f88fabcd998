using System.Collections.Concurrent;

namespace SlmPlatform.Embeddings;

/// <summary>An unbounded in-process <see cref="IEmbeddingCache"/>, for tests and single-process tools.</summary>
public sealed class InMemoryEmbeddingCache : IEmbeddingCache
{
    private readonly ConcurrentDictionary<string, float[]> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public ValueTask<float[]?[]> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new float[]?[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            found[i] = _entries.TryGetValue(keys[i], out var vector) ? vector : null;
        }

        return ValueTask.FromResult(found);
    }

    public ValueTask SetManyAsync(IReadOnlyList<KeyValuePair<string, float[]>> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var (key, vector) in entries)
        {
            _entries[key] = vector;
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<long> RemoveManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return ValueTask.FromResult((long)keys.Count(key => _entries.TryRemove(key, out _)));
    }
}
