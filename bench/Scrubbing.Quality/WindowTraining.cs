using SlmPlatform.Embeddings;
using SlmPlatform.Scrubbing.Recognizers;
using SlmPlatform.Scrubbing.Recognizers.Contextual;
using SlmPlatform.Scrubbing.Recognizers.Tagging;
using SlmPlatform.Specialists.Encoder.Onnx;
using SlmPlatform.Specialists.Generative.Native;
using static TorchSharp.torch;

namespace SlmPlatform.Scrubbing.Quality;

/// <summary>
/// Trains the word-window tagger (<see cref="WordWindowModel"/>) on the same generated sentences as the contextual
/// head: MiniLM's static piece embeddings, frozen, under a projection learned with the window network. Seeded.
/// Reports token-level figures on the development sets through the half-precision copy the library loads.
/// </summary>
internal static class WindowTraining
{
    private const string PieceEmbeddings = "embeddings.word_embeddings.weight";
    private const int Batch = 256;

    public static void Run(string output, int sentences, int dimension, int hidden, int epochs, TextWriter log)
    {
        LibTorchRuntime.EnsureInitialized();
        set_num_threads(Environment.ProcessorCount);
        var table = OnnxWeights.Read(MiniLmFiles.Read().Model)[PieceEmbeddings];
        var (vocabulary, embedding) = ((int)table.Shape[0], (int)table.Shape[1]);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var generated = TaggerModel.TrainingSet().Take(sentences).ToList();
        var training = generated.Select((s, i) => i % 2 == 0 ? s : InventedValues.Replace([s], ContextualTraining.Seed + i)[0]).ToList();
        var words = Featurize(training, table.Values, embedding);
        log.WriteLine($"Featurized {sentences} sentences ({words.Gold.Length} tokens) in {watch.Elapsed.TotalSeconds:0} s.");
        watch.Restart();
        var model = Train(words, table.Values, vocabulary, embedding, dimension, hidden, epochs);
        log.WriteLine($"Trained the window network ({dimension} dimensions, {hidden} hidden, {epochs} epochs) in {watch.Elapsed.TotalSeconds:0} s.");

        using var buffer = new MemoryStream();
        model.Save(buffer);
        buffer.Position = 0;
        var shipped = WordWindowModel.Load(buffer);
        var dev = SyntheticCorpus.Generate(1000, DevSet.Seed, CorpusSplit.Development);
        Evaluate("The development set (held-out templates):", dev, shipped, log);
        Evaluate("The same sentences with made-up values:", InventedValues.Replace(dev, DevSet.Seed), shipped, log);

        using var file = File.Create(output);
        model.Save(file);
        log.WriteLine($"Wrote {output} ({file.Length:N0} bytes).");
    }

    /// <summary>Each token's mean piece embedding (frozen), shape, whether it has pieces (the library gives a word
    /// without any a zero vector) and gold tag, and its window as token indices (<c>-1</c> past its sentence's edges).</summary>
    private sealed record Words(float[] Means, float[] Shapes, float[] HasPieces, int[] Windows, byte[] Gold);

    private static Words Featurize(List<TrainingSentence> sentences, float[] table, int embedding)
    {
        var means = new List<float>();
        var shapes = new List<float>();
        var windows = new List<int>();
        var gold = new List<byte>();
        var hasPieces = new List<float>();
        Span<int> pieces = stackalloc int[WordPieces.MaxPiecesPerWord];
        var mean = new float[embedding];
        var shape = new float[WordShape.Features];
        foreach (var sentence in sentences)
        {
            var tokens = Tokens.Split(sentence.Text);
            var lowerCaseText = !sentence.Text.Any(char.IsUpper);
            var first = gold.Count;
            for (var t = 0; t < tokens.Count; t++)
            {
                var count = WordPieces.Shared.Of(tokens[t].In(sentence.Text), pieces);
                Array.Clear(mean);
                foreach (var piece in pieces[..count])
                {
                    System.Numerics.Tensors.TensorPrimitives.Add(mean, table.AsSpan(piece * embedding, embedding), mean);
                }

                System.Numerics.Tensors.TensorPrimitives.Multiply(mean, 1f / Math.Max(1, count), mean);
                means.AddRange(mean);
                WordShape.Write(sentence.Text, tokens, t, count, lowerCaseText, shape);
                shapes.AddRange(shape);
                hasPieces.Add(count == 0 ? 0 : 1);
            }

            for (var t = 0; t < tokens.Count; t++)
            {
                for (var slot = -WordWindowModel.Reach; slot <= WordWindowModel.Reach; slot++)
                {
                    windows.Add(t + slot >= 0 && t + slot < tokens.Count ? first + t + slot : -1);
                }
            }

            gold.AddRange(sentence.TokenTags(tokens).Select(tag => (byte)tag));
        }

        return new Words([.. means], [.. shapes], [.. hasPieces], [.. windows], [.. gold]);
    }

    private static WordWindowModel Train(Words words, float[] table, int vocabulary, int embedding, int dimension, int hidden, int epochs)
    {
        manual_seed(ContextualTraining.Seed);
        var count = words.Gold.Length;
        var slotWidth = dimension + WordShape.Features;
        using var projection = nn.Linear(embedding, dimension);
        using var first = nn.Linear(WordWindowModel.Slots * slotWidth, hidden);
        using var second = nn.Linear(hidden, hidden / 2);
        using var output = nn.Linear(hidden / 2, EntityTags.Count);
        using var network = nn.Sequential(first, nn.ReLU(), nn.Dropout(0.1), second, nn.ReLU(), output);

        // One zero row past the end stands for every slot past a sentence's edge.
        using var means = cat([tensor(words.Means).reshape(count, embedding), zeros(1, embedding)]);
        using var shapes = cat([tensor(words.Shapes).reshape(count, WordShape.Features), zeros(1, WordShape.Features)]);
        using var present = cat([tensor(words.HasPieces), zeros(1)]).unsqueeze(1);
        using var windows = tensor(words.Windows.Select(w => w < 0 ? (long)count : w).ToArray()).reshape(count, WordWindowModel.Slots);
        using var gold = tensor(words.Gold.Select(g => (long)g).ToArray());

        var counts = Enumerable.Range(0, EntityTags.Count).Select(c => words.Gold.Count(g => g == c)).ToArray();
        using var weights = tensor(counts.Select(c => MathF.Min(4f, MathF.Sqrt((float)count / (EntityTags.Count * Math.Max(1, c))))).ToArray());
        using var loss = nn.CrossEntropyLoss(weights);
        using var optimizer = optim.AdamW(projection.parameters().Concat(network.parameters()), 1e-3, weight_decay: 1e-4);
        var order = Enumerable.Range(0, count).Select(i => (long)i).ToArray();
        var random = new Random(ContextualTraining.Seed);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            network.train();
            random.Shuffle(order);
            for (var b = 0; b < order.Length; b += Batch)
            {
                using var scope = NewDisposeScope();
                var index = tensor(order.AsSpan(b, Math.Min(Batch, order.Length - b)).ToArray());
                var slots = windows.index_select(0, index).flatten();
                // Whole words dropped now and then, so that a token is also judged from the words around it.
                var kept = present.index_select(0, slots) * (rand(slots.shape[0], 1) > 0.1f).to_type(ScalarType.Float32);
                var vectors = projection.forward(means.index_select(0, slots)) * kept;
                var rows = cat([vectors, shapes.index_select(0, slots)], 1).reshape(index.shape[0], WordWindowModel.Slots * slotWidth);
                optimizer.zero_grad();
                loss.forward(network.forward(rows), gold.index_select(0, index)).backward();
                optimizer.step();
            }
        }

        static float[] Values(Tensor t) => [.. t.detach().contiguous().data<float>()];
        using var pieceTable = tensor(table).reshape(vocabulary, embedding).matmul(projection.weight!.detach().t());
        var layers = new[] { first, second, output }
            .Select(l => new WordWindowModel.Layer((int)l.weight!.shape[1], (int)l.weight.shape[0], Values(l.weight), Values(l.bias!)))
            .ToList();
        return new WordWindowModel(vocabulary, dimension, Values(pieceTable), Values(projection.bias!), layers);
    }

    private static void Evaluate(string title, List<TrainingSentence> sentences, WordWindowModel model, TextWriter log)
    {
        var predicted = new List<byte>();
        var probabilities = new List<float>();
        var gold = new List<byte>();
        var tagger = new WordWindowTagModel(model);
        foreach (var sentence in sentences)
        {
            var tokens = Tokens.Split(sentence.Text);
            var tags = new EntityTag[tokens.Count];
            var p = new float[tokens.Count];
            tagger.Tag(sentence.Text, tokens, 0, tokens.Count, !sentence.Text.Any(char.IsUpper), tags, p);
            predicted.AddRange(tags.Select(tag => (byte)tag));
            probabilities.AddRange(p);
            gold.AddRange(sentence.TokenTags(tokens).Select(tag => (byte)tag));
        }

        var perceptron = sentences.SelectMany(s => TaggerModel.Instance.Tag(s.Text, Tokens.Split(s.Text)).Select(t => (byte)t)).ToArray();
        log.WriteLine(title);
        log.WriteLine(ContextualTraining.Report("perceptron tagger", perceptron, [.. gold]));
        foreach (var threshold in new[] { 0.5f, 0.7f, 0.8f, 0.9f, 0.95f })
        {
            var kept = predicted.Select((t, i) => probabilities[i] >= threshold ? t : (byte)0).ToArray();
            log.WriteLine(ContextualTraining.Report($"word window, p ≥ {threshold:0.00}", kept, [.. gold]));
            log.WriteLine(ContextualTraining.Report($"either, p ≥ {threshold:0.00}", [.. perceptron.Select((t, i) => t != 0 ? t : kept[i])], [.. gold]));
        }
    }
}
