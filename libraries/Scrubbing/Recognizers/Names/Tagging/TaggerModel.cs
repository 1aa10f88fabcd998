namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// The one trained tagger of a process, trained at first use from generated sentences with a fixed seed: the same
/// weights in every process, nothing to ship or download (docs/adr/0006).
/// </summary>
internal static class TaggerModel
{
    public const int Seed = 20261129;
    public const int Sentences = 16_000;
    public const int Epochs = 5;

    // Chat is typed in lower case far more often than the generated text is: lower-cased copies of some training
    // sentences teach names from their context alone, without their capital.
    public const int LowerCasedCopyEvery = 6;

    private static readonly Lazy<SequenceTagger> Shared = new(
        () => SequenceTagger.Train(TrainingSet(), Epochs, Seed),
        LazyThreadSafetyMode.ExecutionAndPublication);

    public static SequenceTagger Instance => Shared.Value;

    public static List<TrainingSentence> TrainingSet()
    {
        var sentences = SyntheticCorpus.Generate(Sentences, Seed, CorpusSplit.Train);
        var copies = sentences
            .Where((_, i) => i % LowerCasedCopyEvery == 0)
            .Select(s => s with { Text = s.Text.ToLowerInvariant() })
            .ToList();
        sentences.AddRange(copies);
        return sentences;
    }
}
