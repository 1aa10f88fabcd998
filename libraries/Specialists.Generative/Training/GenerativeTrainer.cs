using System.Security.Cryptography;
using System.Text;
using SlmPlatform.Specialists.Generative.Native;
using static TorchSharp.torch;

namespace SlmPlatform.Specialists.Generative;

/// <summary>Trains a tiny llama-architecture specialist from scratch on (prompt → answer) pairs with TorchSharp on
/// CPU: AdamW, linear warm-up then cosine decay, gradient clipping, loss on answer tokens only, periodic validation
/// loss, checkpoints that resume exactly where they stopped, and a greedy exact-match score on held-out examples.</summary>
public static class GenerativeTrainer
{
    /// <summary>Trains (or resumes from <paramref name="checkpointDirectory"/> when it holds a checkpoint of the same
    /// data) and returns the trained model. Cancellation writes a checkpoint, then throws.</summary>
    /// <param name="train">Training pairs; the tokenizer is learnt from them.</param>
    /// <param name="validation">Held-out pairs for validation loss and the final exact-match score (may be empty).</param>
    /// <param name="options">Hyper-parameters and budgets.</param>
    /// <param name="progress">Receives step, loss, validation loss, rate and ETA; may be null.</param>
    /// <param name="checkpointDirectory">Where checkpoints go; null for none.</param>
    /// <param name="cancellationToken">Stops training after the current step, leaving a checkpoint.</param>
    public static Task<GenerativeSpecialistModel> TrainAsync(
        IReadOnlyList<(string Prompt, string Answer)> train,
        IReadOnlyList<(string Prompt, string Answer)> validation,
        GenerativeTrainingOptions options,
        IProgress<TrainingProgress>? progress,
        string? checkpointDirectory,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(validation);
        ArgumentNullException.ThrowIfNull(options);
        if (train.Count == 0)
        {
            throw new ArgumentException("No training examples.", nameof(train));
        }

        return Task.Factory.StartNew(
            () => Train(train, validation, options, progress, checkpointDirectory, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private static GenerativeSpecialistModel Train(
        IReadOnlyList<(string Prompt, string Answer)> train,
        IReadOnlyList<(string Prompt, string Answer)> validation,
        GenerativeTrainingOptions options,
        IProgress<TrainingProgress>? progress,
        string? checkpointDirectory,
        CancellationToken cancellationToken)
    {
        LibTorchRuntime.EnsureInitialized();
        set_num_threads(options.Threads ?? Environment.ProcessorCount);
        manual_seed(options.Seed);

        var setup = Prepare(train, validation, options, checkpointDirectory);
        var network = new TinyLlama(setup.Shape, options.Dropout, options.Seed);
        try
        {
            using var run = new GenerativeTrainingRun(network, setup, options, progress, checkpointDirectory);
            var stoppedByBudget = run.Optimise(cancellationToken);
            return run.Finish(validation, stoppedByBudget);
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>The tokenizer, shape and encoded examples of a new run, or of the checkpoint it resumes (which must
    /// have been made from the same data and options).</summary>
    private static GenerativeTrainingSetup Prepare(
        IReadOnlyList<(string Prompt, string Answer)> train,
        IReadOnlyList<(string Prompt, string Answer)> validation,
        GenerativeTrainingOptions options,
        string? checkpointDirectory)
    {
        var dataHash = Hash(train, options);
        var resumed = checkpointDirectory is null ? null : TrainingCheckpoint.TryRead(checkpointDirectory);
        if (resumed is not null && resumed.DataHash != dataHash)
        {
            throw new InvalidOperationException(
                $"The checkpoint in {checkpointDirectory} was made from other data or options; use an empty folder for a new run.");
        }

        var tokenizer = resumed is not null
            ? new SpecialistTokenizer(resumed.TokenizerKind, resumed.Pieces)
            : SpecialistTokenizer.Train(train.SelectMany(e => new[] { e.Prompt, e.Answer }), options.Tokenizer, options.MaxWords);
        var maxAnswer = resumed?.MaxAnswerTokens ?? Math.Min(options.ContextLength / 2, train.Max(e => tokenizer.Encode(e.Answer).Count) + 1);
        var shape = resumed?.Shape ?? new LlamaShape(
            tokenizer.VocabularySize, options.Dimension, options.Layers, options.Heads, options.FeedForward, options.ContextLength, options.TiedEmbeddings);
        return new GenerativeTrainingSetup(
            tokenizer, shape, maxAnswer, dataHash, resumed,
            [.. train.Select(e => PromptFormat.Example(tokenizer, e.Prompt, e.Answer, shape.ContextLength, maxAnswer))],
            [.. validation.Select(e => PromptFormat.Example(tokenizer, e.Prompt, e.Answer, shape.ContextLength, maxAnswer))]);
    }

    /// <summary>Cross-entropy of the answer tokens (and the end mark) given everything before them.</summary>
    internal static Tensor BatchLoss(TinyLlama network, IReadOnlyList<(int[] Tokens, int AnswerStart)> batch)
    {
        var width = batch.Max(e => e.Tokens.Length);
        var tokens = new long[batch.Count * width];
        var positions = new List<long>();
        var targets = new List<long>();
        for (var r = 0; r < batch.Count; r++)
        {
            var (sequence, answerStart) = batch[r];
            for (var t = 0; t < sequence.Length; t++)
            {
                tokens[(r * width) + t] = sequence[t];
            }

            for (var t = answerStart; t < sequence.Length - 1; t++)
            {
                positions.Add((r * (width - 1)) + t);
                targets.Add(sequence[t + 1]);
            }
        }

        var input = tensor(tokens, [batch.Count, width], ScalarType.Int64).narrow(1, 0, width - 1);
        var hidden = network.forward(input).reshape(-1, network.Shape.Dimension);
        var selected = hidden.index_select(0, tensor(positions.ToArray(), ScalarType.Int64));
        return nn.functional.cross_entropy(network.Logits(selected), tensor(targets.ToArray(), ScalarType.Int64));
    }

    internal static double ValidationLoss(TinyLlama network, IReadOnlyList<(int[] Tokens, int AnswerStart)> examples)
    {
        network.eval();
        try
        {
            using var noGrad = no_grad();
            double total = 0;
            long count = 0;
            foreach (var chunk in examples.OrderBy(e => e.Tokens.Length).Chunk(128))
            {
                using var scope = NewDisposeScope();
                var n = chunk.Sum(e => e.Tokens.Length - 1 - e.AnswerStart);
                total += BatchLoss(network, chunk).item<float>() * n;
                count += n;
            }

            return total / count;
        }
        finally
        {
            network.train();
        }
    }

    /// <summary>Linear warm-up, then cosine decay from the peak to <see cref="GenerativeTrainingOptions.MinLearningRateRatio"/>
    /// of it over the run (by step, or by time when a budget runs out first).</summary>
    internal static double LearningRate(GenerativeTrainingOptions options, long step, double fraction)
    {
        if (step < options.WarmupSteps)
        {
            return options.LearningRate * (step + 1) / options.WarmupSteps;
        }

        var floor = options.LearningRate * options.MinLearningRateRatio;
        return floor + ((options.LearningRate - floor) * 0.5 * (1 + Math.Cos(Math.PI * Math.Clamp(fraction, 0, 1))));
    }

    /// <summary>The batches of one epoch: a seeded shuffle, then examples of similar length grouped (less padding),
    /// then the batches shuffled. The same seed and epoch always give the same plan, which is what lets a resumed
    /// run continue with the very next batch.</summary>
    internal static List<(int[] Tokens, int AnswerStart)[]> Batches((int[] Tokens, int AnswerStart)[] examples, int batchSize, int seed, int epoch)
    {
        var random = new Random(HashCode.Combine(seed, epoch) & int.MaxValue);
        var order = examples.ToArray();
        random.Shuffle(order);
        var batches = order.Chunk(batchSize * 32)
            .SelectMany(pool => pool.OrderBy(e => e.Tokens.Length).Chunk(batchSize))
            .ToArray();
        random.Shuffle(batches);
        return [.. batches];
    }

    private static string Hash(IReadOnlyList<(string Prompt, string Answer)> train, GenerativeTrainingOptions options)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (prompt, answer) in train)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(prompt));
            sha.AppendData([0]);
            sha.AppendData(Encoding.UTF8.GetBytes(answer));
            sha.AppendData([0]);
        }

        sha.AppendData(Encoding.UTF8.GetBytes((options with { MaxTrainingTime = null, Threads = null, ProgressInterval = 0, EvaluationInterval = 0, CheckpointInterval = 0, FinalExactMatchSamples = null }).ToString()));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
