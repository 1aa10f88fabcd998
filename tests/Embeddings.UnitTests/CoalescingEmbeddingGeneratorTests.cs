namespace SlmPlatform.Embeddings.UnitTests;

/// <summary>
/// Concurrent single-text requests run together: while one batch runs, the texts that arrive wait and the next run
/// takes them all; every caller gets its own vectors back, a failure reaches the callers of its batch only, and a
/// caller that gives up does not take the others' texts with it.
/// </summary>
public sealed class CoalescingEmbeddingGeneratorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RequestsArrivingWhileABatchRuns_AreRunTogether_AndEachCallerGetsItsOwnVectors()
    {
        using var inner = new GatedGenerator();
        using var generator = new CoalescingEmbeddingGenerator(inner, maxBatch: 32);

        var first = generator.GenerateAsync(["a"], cancellationToken: Token);
        await inner.Started.WaitAsync(Token);
        var waiting = Enumerable.Range(2, 10).Select(n => generator.GenerateAsync([new string('x', n)], cancellationToken: Token)).ToList();
        inner.Release();

        Assert.Equal(1f, (await first).Single().Vector.Span[0]);
        var vectors = await Task.WhenAll(waiting);
        Assert.Equal(Enumerable.Range(2, 10).Select(n => (float)n), vectors.Select(v => v.Single().Vector.Span[0]));
        Assert.Equal([1, 10], inner.BatchSizes);
    }

    [Fact]
    public async Task ABatch_HoldsAtMostMaxBatchTexts()
    {
        using var inner = new GatedGenerator();
        using var generator = new CoalescingEmbeddingGenerator(inner, maxBatch: 4);

        var first = generator.GenerateAsync(["a"], cancellationToken: Token);
        await inner.Started.WaitAsync(Token);
        var waiting = Enumerable.Range(0, 9).Select(_ => generator.GenerateAsync(["bb", "cc"], cancellationToken: Token)).ToList();
        inner.Release();
        await first;
        await Task.WhenAll(waiting);

        Assert.Equal([1, 4, 4, 4, 4, 2], inner.BatchSizes);
    }

    [Fact]
    public async Task AFailedRun_FailsItsCallers_AndTheNextRunServesLaterOnes()
    {
        using var inner = new GatedGenerator { FailNext = true };
        using var generator = new CoalescingEmbeddingGenerator(inner);
        inner.Release();

        await Assert.ThrowsAsync<InvalidOperationException>(() => generator.GenerateAsync(["a"], cancellationToken: Token));
        Assert.Equal(3f, (await generator.GenerateAsync(["abc"], cancellationToken: Token)).Single().Vector.Span[0]);
    }

    [Fact]
    public async Task ACallerGivingUp_IsCancelled_WhileTheOthersInItsBatchAreServed()
    {
        using var inner = new GatedGenerator();
        using var generator = new CoalescingEmbeddingGenerator(inner);
        var first = generator.GenerateAsync(["a"], cancellationToken: Token);
        await inner.Started.WaitAsync(Token);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var abandoned = generator.GenerateAsync(["bb"], cancellationToken: giveUp.Token);
        var kept = generator.GenerateAsync(["ccc"], cancellationToken: Token);

        await giveUp.CancelAsync();
        inner.Release();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Equal(3f, (await kept).Single().Vector.Span[0]);
        await first;
    }

    /// <summary>Embeds a text as [length]; its first run waits until released, so that requests pile up behind it.</summary>
    private sealed class GatedGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<int> BatchSizes { get; } = [];

        public bool FailNext { get; set; }

        public Task Started => _started.Task;

        public void Release() => _release.TrySetResult();

        public async Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var texts = values.ToArray();
            lock (BatchSizes)
            {
                BatchSizes.Add(texts.Length);
            }

            _started.TrySetResult();
            await _release.Task;
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("The model failed.");
            }

            return new GeneratedEmbeddings<Embedding<float>>(texts.Select(t => new Embedding<float>(new float[] { t.Length })));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
