using SlmPlatform.Embeddings;

namespace SlmPlatform.Scrubbing.Recognizers.Contextual;

/// <summary>
/// The encoder and head of a process, loaded at first use: the encoder runs on one thread per call, so concurrent
/// scrubs each take a core rather than contending for all of them.
/// </summary>
internal static class ContextualModels
{
    private static readonly Lazy<SentenceEmbeddingModel> SharedEncoder = new(
        () => SentenceEmbeddingModel.LoadDefault(intraOpThreads: 1), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<ContextualHead> SharedHead = new(
        () => ContextualHead.LoadShipped() ?? throw new InvalidOperationException($"The scrubbing library was built without {ContextualHead.ResourceName}."),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static SentenceEmbeddingModel Encoder => SharedEncoder.Value;

    public static ContextualHead Head => SharedHead.Value;
}
