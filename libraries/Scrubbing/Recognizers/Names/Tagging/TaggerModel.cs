namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// The one trained tagger of a process, trained at first use from generated sentences with a fixed seed: the same
/// weights in every process, nothing to ship or download (docs/adr/0006).
/// </summary>
internal static class TaggerModel
{
    public const int Seed = 20261129;
    public const int Sentences = 12_000;
    public const int Epochs = 5;

    private static readonly Lazy<SequenceTagger> Shared = new(
        () => SequenceTagger.Train(SyntheticCorpus.Generate(Sentences, Seed), Epochs, Seed),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static SequenceTagger Instance => Shared.Value;
}
