using System.Diagnostics;
using SlmPlatform.Embeddings;
using SlmPlatform.Specialists.Training;

namespace SlmPlatform.Benchmarks;

/// <summary>BANKING77 rows as MiniLM vectors (the user turn of the replayed router call is the query itself), cached in the temp folder.</summary>
public static class EmbeddedSet
{
    public const int Dimensions = 384;

    public static async Task<(LabelledVectors Vectors, TimeSpan EmbeddingTime, bool Cached)> LoadAsync(
        OnnxSentenceEmbeddingGenerator generator, Banking77 set, IReadOnlyList<string> labels, string cacheName, bool useCache)
    {
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var classes = set.Labels.Select(l => index[set.Categories[l]]).ToArray();
        if (useCache && VectorCache.TryLoad(cacheName, set.Texts.Length * Dimensions) is { } cached)
        {
            return (new LabelledVectors(cached, Dimensions, classes), TimeSpan.Zero, true);
        }

        var clock = Stopwatch.StartNew();
        var embeddings = await generator.GenerateAsync(set.Texts);
        var features = new float[set.Texts.Length * Dimensions];
        for (var i = 0; i < embeddings.Count; i++)
        {
            embeddings[i].Vector.Span.CopyTo(features.AsSpan(i * Dimensions));
        }

        var time = clock.Elapsed;
        VectorCache.Save(cacheName, features);
        return (new LabelledVectors(features, Dimensions, classes), time, false);
    }
}
