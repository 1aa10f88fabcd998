namespace SlmPlatform.Embeddings.UnitTests;

/// <summary>
/// A host that stops while texts are being embedded disposes the model under the runs in flight. Freeing the native
/// session then crashed the whole process (seen in the training replica test); now disposal waits for those runs, and
/// runs after it are refused with <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class ModelLifetimeTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DisposingTheModel_WhileBatchesRun_WaitsForThem_AndRefusesLaterRuns()
    {
        var model = SentenceEmbeddingModel.LoadDefault(intraOpThreads: 1);
        using var generator = new OnnxSentenceEmbeddingGenerator(model, new SentenceEmbeddingOptions { BatchSize = 4, MaxConcurrency = 4 });
        var texts = Enumerable.Range(0, 400).Select(i => $"Message number {i} about a parcel that has not arrived yet, with some more words to embed.").ToList();

        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(() => generator.GenerateAsync(texts, cancellationToken: Token), Token)).ToList();
        await Task.Delay(200, Token);
        model.Dispose();

        foreach (var run in runs)
        {
            try
            {
                var embeddings = await run;
                Assert.Equal(texts.Count, embeddings.Count);
            }
            catch (ObjectDisposedException)
            {
                // Refused after the disposal: what a stopping host's late callers should see.
            }
        }

        await Assert.ThrowsAsync<ObjectDisposedException>(() => generator.GenerateAsync(["after"], cancellationToken: Token));
    }
}
