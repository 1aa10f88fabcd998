using SlmPlatform.Embeddings;
using SlmPlatform.Scrubbing.Recognizers;
using SlmPlatform.Scrubbing.Recognizers.Contextual;
using SlmPlatform.Scrubbing.Recognizers.Tagging;
using SlmPlatform.Specialists.Generative.Native;
using static TorchSharp.torch;

namespace SlmPlatform.Scrubbing.Quality;

/// <summary>
/// Trains the contextual tagger's head on the tagger's own generated training sentences (seeded: the same file every
/// run on the same machine), reports it token by token on the development set beside the perceptron, and writes it.
/// </summary>
internal static class ContextualTraining
{
    public const int Seed = 20261206;

    public static void Run(string output, int sentences, int hidden, int epochs, TextWriter log)
    {
        LibTorchRuntime.EnsureInitialized();
        using var encoder = SentenceEmbeddingModel.LoadDefault();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Every second sentence with made-up values, so that the head learns names from their context, not their words.
        var generated = TaggerModel.TrainingSet().Take(sentences).ToList();
        var training = generated.Select((s, i) => i % 2 == 0 ? s : InventedValues.Replace([s], Seed + i)[0]).ToList();
        var (rows, gold) = Featurize(encoder, training);
        log.WriteLine($"Read {sentences} training sentences ({gold.Length} tokens) through the encoder in {watch.Elapsed.TotalSeconds:0} s.");
        watch.Restart();
        var head = Train(rows, gold, ContextualFeatures.Width(encoder.Dimensions), hidden, epochs);
        log.WriteLine($"Trained the head ({hidden} hidden, {epochs} epochs) in {watch.Elapsed.TotalSeconds:0} s.");

        var dev = SyntheticCorpus.Generate(1000, DevSet.Seed, CorpusSplit.Development);
        Evaluate("The development set (held-out templates):", dev, encoder, head, log);
        Evaluate("The same sentences with made-up values:", InventedValues.Replace(dev, DevSet.Seed), encoder, head, log);

        using var file = File.Create(output);
        head.Save(file);
        log.WriteLine($"Wrote {output} ({file.Length:N0} bytes).");
    }

    /// <summary>The perceptron tagger, the head alone and either of them, token by token, at the thresholds to choose from.</summary>
    private static void Evaluate(string title, List<TrainingSentence> sentences, SentenceEmbeddingModel encoder, ContextualHead head, TextWriter log)
    {
        var (rows, gold) = Featurize(encoder, sentences);
        var perceptron = sentences.SelectMany(s => TaggerModel.Instance.Tag(s.Text, Tokens.Split(s.Text)).Select(t => (byte)t)).ToArray();
        log.WriteLine(title);
        log.WriteLine(Report("perceptron tagger", perceptron, gold));
        var (tags, probabilities) = Predict(head, rows);
        foreach (var threshold in new[] { 0.5f, 0.7f, 0.8f, 0.9f, 0.95f })
        {
            var kept = tags.Select((t, i) => probabilities[i] >= threshold ? t : (byte)0).ToArray();
            log.WriteLine(Report($"contextual, p ≥ {threshold:0.00}", kept, gold));
            log.WriteLine(Report($"either, p ≥ {threshold:0.00}", [.. perceptron.Select((t, i) => t != 0 ? t : kept[i])], gold));
        }
    }

    private static ContextualHead Train(float[] rows, byte[] gold, int width, int hidden, int epochs)
    {
        manual_seed(Seed);
        using var first = nn.Linear(width, hidden);
        using var second = nn.Linear(hidden, EntityTags.Count);
        using var model = nn.Sequential(first, nn.ReLU(), nn.Dropout(0.1), second);
        using var x = tensor(rows).reshape(gold.Length, width);
        using var y = tensor(gold.Select(g => (long)g).ToArray());

        // Entities are a fifth of the tokens: weighting the rarer tags up (at most 4×) trades a little precision for recall.
        var counts = Enumerable.Range(0, EntityTags.Count).Select(c => gold.Count(g => g == c)).ToArray();
        using var weights = tensor(counts.Select(c => MathF.Min(4f, MathF.Sqrt((float)gold.Length / (EntityTags.Count * Math.Max(1, c))))).ToArray());
        using var loss = nn.CrossEntropyLoss(weights);
        using var optimizer = optim.AdamW(model.parameters(), 1e-3, weight_decay: 1e-4);
        var order = Enumerable.Range(0, gold.Length).Select(i => (long)i).ToArray();
        var random = new Random(Seed);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            model.train();
            random.Shuffle(order);
            for (var b = 0; b < order.Length; b += 64)
            {
                using var scope = NewDisposeScope();
                var index = tensor(order.AsSpan(b, Math.Min(64, order.Length - b)).ToArray());
                optimizer.zero_grad();
                loss.forward(model.forward(x.index_select(0, index)), y.index_select(0, index)).backward();
                optimizer.step();
            }
        }

        static float[] Values(Tensor t) => [.. t.detach().contiguous().data<float>()];
        return new ContextualHead(width, hidden, EntityTags.Count, Values(first.weight!), Values(first.bias!), Values(second.weight!), Values(second.bias!));
    }

    private static (byte[] Tags, float[] Probabilities) Predict(ContextualHead shipped, float[] rows)
    {
        // Through the half-precision copy the library will load, so the report is of what ships.
        using var buffer = new MemoryStream();
        shipped.Save(buffer);
        buffer.Position = 0;
        var head = ContextualHead.Load(buffer);
        var count = rows.Length / head.Width;
        var tags = new byte[count];
        var probabilities = new float[count];
        var hidden = new float[head.Hidden];
        var classes = new float[head.Classes];
        for (var i = 0; i < count; i++)
        {
            tags[i] = (byte)head.Classify(rows.AsSpan(i * head.Width, head.Width), hidden, classes, out probabilities[i]);
        }

        return (tags, probabilities);
    }

    private static (float[] Rows, byte[] Gold) Featurize(SentenceEmbeddingModel encoder, List<TrainingSentence> sentences)
    {
        var rows = new List<float>();
        var gold = new List<byte>();
        foreach (var sentence in sentences)
        {
            var tokens = Tokens.Split(sentence.Text);
            rows.AddRange(ContextualFeatures.Compute(encoder, sentence.Text, tokens));
            gold.AddRange(sentence.TokenTags(tokens).Select(t => (byte)t));
        }

        return ([.. rows], [.. gold]);
    }

    public static string Report(string name, byte[] predicted, byte[] gold)
    {
        var parts = Enumerable.Range(1, EntityTags.Count - 1).Select(c =>
        {
            var tp = predicted.Zip(gold).Count(p => p.First == c && p.Second == c);
            var fp = predicted.Zip(gold).Count(p => p.First == c && p.Second != c);
            var fn = predicted.Zip(gold).Count(p => p.First != c && p.Second == c);
            return $"{(EntityTag)c} P {tp / (double)Math.Max(1, tp + fp):0.000} R {tp / (double)Math.Max(1, tp + fn):0.000}";
        });
        var any = predicted.Zip(gold).Count(p => p.First != 0 && p.Second != 0) / (double)gold.Count(g => g != 0);
        return $"  {name,-24} {string.Join(" | ", parts)} | any entity R {any:0.000}";
    }
}
