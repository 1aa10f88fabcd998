namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// Tags tokens left to right, each with the two tags before it as features (greedy decoding: one pass, no lattice,
/// which keeps the whole pipeline above its throughput goal).
/// </summary>
internal sealed class SequenceTagger(AveragedPerceptron model)
{
    public EntityTag[] Tag(string text, List<Token> tokens) => Tag(text, tokens, out _, out _);

    /// <summary>
    /// Tags the tokens and hands back what the gazetteers said about each and the margin of each tag over the
    /// runner-up, for checks on the spans.
    /// </summary>
    public EntityTag[] Tag(string text, List<Token> tokens, out TokenInfo[] infos, out float[] margins)
    {
        infos = TokenInfos.Compute(text, tokens);
        var tags = new EntityTag[tokens.Count];
        margins = new float[tokens.Count];
        Span<uint> features = stackalloc uint[FeatureExtractor.MaxFeatures];
        for (var i = 0; i < infos.Length; i++)
        {
            var n = FeatureExtractor.Extract(infos, i, Previous(tags, i, 1), Previous(tags, i, 2), features);
            tags[i] = model.Predict(features[..n], out margins[i]);
        }

        return tags;
    }

    /// <summary>
    /// Trains on <paramref name="sentences"/> for <paramref name="epochs"/> passes in a seeded order. The history
    /// features see the tagger's own guesses, as they will when it runs, not the gold tags.
    /// </summary>
    public static SequenceTagger Train(IReadOnlyList<TrainingSentence> sentences, int epochs, int seed)
    {
        var prepared = sentences.Select(s =>
        {
            var tokens = Tokens.Split(s.Text);
            return (Infos: TokenInfos.Compute(s.Text, tokens), Gold: s.TokenTags(tokens));
        }).ToArray();

        var trainer = new PerceptronTrainer();
        var random = new Random(seed);
        Span<uint> features = stackalloc uint[FeatureExtractor.MaxFeatures];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            random.Shuffle(prepared);
            foreach (var (infos, gold) in prepared)
            {
                var guesses = new EntityTag[infos.Length];
                for (var i = 0; i < infos.Length; i++)
                {
                    var n = FeatureExtractor.Extract(infos, i, Previous(guesses, i, 1), Previous(guesses, i, 2), features);
                    guesses[i] = trainer.Predict(features[..n]);
                    trainer.Learn(features[..n], gold[i], guesses[i]);
                }
            }
        }

        return new SequenceTagger(trainer.Average());
    }

    private static EntityTag Previous(EntityTag[] tags, int i, int back) => i >= back ? tags[i - back] : EntityTag.Outside;
}
