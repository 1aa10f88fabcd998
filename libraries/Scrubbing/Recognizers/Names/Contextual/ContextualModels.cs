using SlmPlatform.Embeddings;

namespace SlmPlatform.Scrubbing.Recognizers.Contextual;

/// <summary>
/// The models of a process, loaded at first use: the encoder runs on one thread per call, so concurrent scrubs each
/// take a core rather than contending for all of them.
/// </summary>
internal static class ContextualModels
{
    private static readonly Lazy<SentenceEmbeddingModel> SharedEncoder = new(
        () => SentenceEmbeddingModel.LoadDefault(intraOpThreads: 1), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<ContextualHead> SharedHead = new(
        () => ContextualHead.LoadShipped() ?? throw Missing(ContextualHead.ResourceName),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<WordWindowModel> SharedWordWindow = new(
        () => WordWindowModel.LoadShipped() ?? throw Missing(WordWindowModel.ResourceName),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static SentenceEmbeddingModel Encoder => SharedEncoder.Value;

    public static ContextualHead Head => SharedHead.Value;

    public static WordWindowModel WordWindow => SharedWordWindow.Value;

    private static InvalidOperationException Missing(string resource) => new($"The scrubbing library was built without {resource}.");
}
