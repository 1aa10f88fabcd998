namespace SlmPlatform.Embeddings;

/// <summary>
/// Looks each text up in an <see cref="IEmbeddingCache"/> by content hash and sends only the misses (each distinct
/// text once) to the inner generator, then stores what it computed. A cache failure is the caller's to see: the
/// service decides whether to fall back to embedding without it.
/// </summary>
public sealed class CachingEmbeddingGenerator(IEmbeddingGenerator<string, Embedding<float>> innerGenerator, IEmbeddingCache cache, string modelId)
    : DelegatingEmbeddingGenerator<string, Embedding<float>>(innerGenerator)
{
    /// <summary>Removes the texts' cached vectors (an erasure of the calls they came from); returns how many there were.</summary>
    public ValueTask<long> ForgetAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        cache.RemoveManyAsync([.. texts.Select(t => EmbeddingCacheKey.For(modelId, t))], cancellationToken);

    public override async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var texts = values as IReadOnlyList<string> ?? [.. values];
        var keys = texts.Select(t => EmbeddingCacheKey.For(modelId, t)).ToArray();
        var vectors = await cache.GetManyAsync(keys, cancellationToken).ConfigureAwait(false);

        // Each distinct missing text once, however often the call repeats it.
        var missing = new Dictionary<string, int>(StringComparer.Ordinal);
        var missingKeys = new List<string>();
        var missingTexts = new List<string>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (vectors[i] is null && missing.TryAdd(keys[i], missingTexts.Count))
            {
                missingKeys.Add(keys[i]);
                missingTexts.Add(texts[i]);
            }
        }

        if (missingTexts.Count > 0)
        {
            var computed = await base.GenerateAsync(missingTexts, options, cancellationToken).ConfigureAwait(false);
            var entries = new List<KeyValuePair<string, float[]>>(missingTexts.Count);
            for (var m = 0; m < missingTexts.Count; m++)
            {
                entries.Add(new(missingKeys[m], computed[m].Vector.ToArray()));
            }

            await cache.SetManyAsync(entries, cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < texts.Count; i++)
            {
                vectors[i] ??= entries[missing[keys[i]]].Value;
            }
        }

        var result = new GeneratedEmbeddings<Embedding<float>>(texts.Count);
        foreach (var vector in vectors)
        {
            result.Add(new Embedding<float>(vector!) { ModelId = modelId });
        }

        return result;
    }
}
