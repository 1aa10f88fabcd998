using SlmPlatform.Embeddings;
using SlmPlatform.Specialists.Encoder.Modeling;
using SlmPlatform.Specialists.Encoder.Onnx;
using SlmPlatform.Specialists.Generative.Native;
using static TorchSharp.torch;

namespace SlmPlatform.Specialists.Encoder.Training;

/// <summary>
/// Fine-tunes all-MiniLM-L6-v2 end to end for a label set: its ONNX weights are read into a TorchSharp encoder, a
/// linear head goes on the mean-pooled output, and encoder and head are trained together with cross-entropy on CPU.
/// One training per process at a time is the intended use (torch's thread pool is process-wide).
/// </summary>
public static class EncoderFineTuner
{
    private const int ReportEvery = 10;
    private const int BatchesPerLengthGroup = 50;

    /// <summary>
    /// Trains on <paramref name="texts"/> whose answers are <paramref name="labels"/> (indices into
    /// <paramref name="labelNames"/>). Cancelling stops between steps and throws.
    /// </summary>
    public static EncoderSpecialist Train(
        IReadOnlyList<string> texts,
        IReadOnlyList<int> labels,
        IReadOnlyList<string> labelNames,
        EncoderFineTuneOptions? options = null,
        IProgress<EncoderTrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(labelNames);
        options ??= new EncoderFineTuneOptions();
        options.Validate();
        if (texts.Count != labels.Count || texts.Count == 0)
        {
            throw new ArgumentException($"{texts.Count} texts and {labels.Count} labels: both must be the same, non-zero count.", nameof(labels));
        }

        if (labels.Any(l => l < 0 || l >= labelNames.Count))
        {
            throw new ArgumentException($"A label index is outside the {labelNames.Count} label names.", nameof(labels));
        }

        var specialist = Pretrained(labelNames, options);
        var network = specialist.Network;
        set_num_threads(options.Threads ?? Environment.ProcessorCount);
        var encoded = texts.Select(specialist.Encode).ToArray();
        var random = new Random(options.Seed);
        using var encoderOptimizer = optim.AdamW(network.Encoder.parameters(), options.EncoderLearningRate, 0.9, 0.999, 1e-8, options.WeightDecay);
        using var headOptimizer = optim.AdamW(network.HeadParameters, options.HeadLearningRate, 0.9, 0.999, 1e-8, options.WeightDecay);
        var plannedSteps = options.Epochs * (int)Math.Ceiling(texts.Count / (double)options.BatchSize);
        var clock = Stopwatch.StartNew();
        var step = 0;
        var lossSum = 0.0;
        var lossCount = 0;
        network.train();
        for (var epoch = 1; epoch <= options.Epochs && clock.Elapsed < options.MaxTrainingTime; epoch++)
        {
            foreach (var batch in LengthBatches(encoded, options.BatchSize, random))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (clock.Elapsed >= options.MaxTrainingTime)
                {
                    break;
                }

                var factor = LearningRateFactor(options, step, plannedSteps, clock.Elapsed);
                SetLearningRate(encoderOptimizer, options.EncoderLearningRate * factor);
                SetLearningRate(headOptimizer, options.HeadLearningRate * factor);
                using (NewDisposeScope())
                {
                    using var tokens = WordPieceTokens.Batch([.. batch.Select(i => encoded[i])]);
                    var targets = tensor(batch.Select(i => (long)labels[i]).ToArray());
                    encoderOptimizer.zero_grad();
                    headOptimizer.zero_grad();
                    var loss = nn.functional.cross_entropy(network.forward(tokens.Tokens, tokens.Mask), targets);
                    loss.backward();
                    nn.utils.clip_grad_norm_(network.parameters(), options.GradientClipNorm);
                    encoderOptimizer.step();
                    headOptimizer.step();
                    lossSum += loss.item<float>();
                    lossCount++;
                }

                step++;
                if (step % ReportEvery == 0)
                {
                    progress?.Report(Progress(step, plannedSteps, epoch, lossSum / lossCount, clock.Elapsed, step * options.BatchSize));
                    (lossSum, lossCount) = (0, 0);
                }
            }
        }

        network.eval();
        progress?.Report(Progress(step, plannedSteps, Math.Min(options.Epochs, 1 + (step * options.BatchSize / texts.Count)),
            lossCount == 0 ? double.NaN : lossSum / lossCount, clock.Elapsed, step * options.BatchSize));
        return specialist;
    }

    /// <summary>all-MiniLM-L6-v2 as shipped with an untrained head: its <see cref="EncoderSpecialist.Embed"/> gives
    /// the same vectors as the ONNX embedding model.</summary>
    internal static EncoderSpecialist Pretrained(IReadOnlyList<string> labelNames, EncoderFineTuneOptions options)
    {
        LibTorchRuntime.EnsureInitialized();
        manual_seed(options.Seed);
        var (model, vocabulary) = MiniLmFiles.Read();
        var weights = OnnxWeights.Read(model);
        var network = new EncoderClassifier(EncoderShape.Of(weights), labelNames.Count, options.Dropout);
        network.Encoder.LoadFrom(weights);
        network.eval();
        return new EncoderSpecialist(network, new WordPieceTokens(vocabulary, options.MaxTokens), vocabulary, [.. labelNames]);
    }

    /// <summary>Linear warm-up over the first <see cref="EncoderFineTuneOptions.WarmupShare"/> of the planned steps,
    /// then linear decay to zero at the end of the steps or of the time budget, whichever comes first.</summary>
    internal static double LearningRateFactor(EncoderFineTuneOptions options, int step, int plannedSteps, TimeSpan elapsed)
    {
        var warmupSteps = Math.Max(1, (int)(plannedSteps * options.WarmupShare));
        if (step < warmupSteps)
        {
            return (step + 1) / (double)warmupSteps;
        }

        var done = Math.Max(step / (double)plannedSteps, elapsed / options.MaxTrainingTime);
        return Math.Clamp((1 - done) / (1 - options.WarmupShare), 0, 1);
    }

    /// <summary>Shuffled batches of similar lengths (less padding): shuffle, sort within groups of many batches,
    /// cut, and shuffle the batches.</summary>
    internal static List<int[]> LengthBatches(long[][] encoded, int batchSize, Random random)
    {
        var order = Enumerable.Range(0, encoded.Length).ToArray();
        random.Shuffle(order);
        var batches = order.Chunk(batchSize * BatchesPerLengthGroup)
            .SelectMany(group => group.OrderBy(i => encoded[i].Length).Chunk(batchSize))
            .ToList();
        var shuffled = batches.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled];
    }

    private static void SetLearningRate(optim.Optimizer optimizer, double learningRate)
    {
        foreach (var group in optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }
    }

    private static EncoderTrainingProgress Progress(int step, int planned, int epoch, double loss, TimeSpan elapsed, long examples) =>
        new(step, planned, epoch, loss, elapsed, examples / Math.Max(elapsed.TotalSeconds, 1e-9));
}
