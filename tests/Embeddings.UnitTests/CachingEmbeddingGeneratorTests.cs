namespace SlmPlatform.Embeddings.UnitTests;

public sealed class CachingEmbeddingGeneratorTests
{
    [Fact]
    public async Task GenerateAsync_RepeatedTexts_EmbedsEachDistinctMissOnce()
    {
        var inner = new CountingGenerator();
        var cache = new InMemoryEmbeddingCache();
        using var generator = new CachingEmbeddingGenerator(inner, cache, "test-model");
        var ct = TestContext.Current.CancellationToken;

        var first = await generator.GenerateAsync(["a", "bb", "a"], cancellationToken: ct);
        var second = await generator.GenerateAsync(["bb", "ccc"], cancellationToken: ct);

        Assert.Equal([["a", "bb"], ["ccc"]], inner.Calls);
        Assert.Equal([1f, 2f, 1f], first.Select(e => e.Vector.Span[0]));
        Assert.Equal([2f, 3f], second.Select(e => e.Vector.Span[0]));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void EmbeddingCacheKey_DiffersByModelAndText_AndHidesTheText()
    {
        var key = EmbeddingCacheKey.For("m1", "secret prompt");

        Assert.Equal(key, EmbeddingCacheKey.For("m1", "secret prompt"));
        Assert.NotEqual(key, EmbeddingCacheKey.For("m2", "secret prompt"));
        Assert.NotEqual(key, EmbeddingCacheKey.For("m1", "secret prompt!"));
        Assert.DoesNotContain("secret", key, StringComparison.Ordinal);
    }

    /// <summary>Embeds a text as [length], and records what it was asked for.</summary>
    private sealed class CountingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        public List<string[]> Calls { get; } = [];

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToArray();
            Calls.Add(texts);
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(new float[] { t.Length }))));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
