using System.Diagnostics;
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
    private const double LossSmoothing = 0.05;

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

        var trainSet = train.Select(e => PromptFormat.Example(tokenizer, e.Prompt, e.Answer, shape.ContextLength, maxAnswer)).ToArray();
        var validationSet = validation.Select(e => PromptFormat.Example(tokenizer, e.Prompt, e.Answer, shape.ContextLength, maxAnswer)).ToArray();

        var network = new TinyLlama(shape, options.Dropout, options.Seed);
        try
        {
            using var optimizer = optim.AdamW(network.parameters(), options.LearningRate, 0.9, 0.95, 1e-8, options.WeightDecay);
            var step = 0L;
            var previousSeconds = 0.0;
            var smoothed = double.NaN;
            if (resumed is not null)
            {
                resumed.Restore(checkpointDirectory!, network, optimizer);
                step = resumed.Step;
                previousSeconds = resumed.ElapsedSeconds;
                smoothed = resumed.SmoothedLoss;
            }

            var stepsPerEpoch = (trainSet.Length + options.BatchSize - 1) / options.BatchSize;
            var totalSteps = (long)stepsPerEpoch * options.Epochs;
            var budget = options.MaxTrainingTime?.TotalSeconds;
            var clock = Stopwatch.StartNew();
            double Elapsed() => previousSeconds + clock.Elapsed.TotalSeconds;
            double? validationLoss = null;
            var tokensSeen = 0L;
            var stoppedByBudget = false;

            void SaveCheckpoint()
            {
                if (checkpointDirectory is not null)
                {
                    TrainingCheckpoint.Write(
                        checkpointDirectory,
                        new TrainingCheckpoint(step, Elapsed(), smoothed, dataHash, shape, tokenizer.Kind, [.. tokenizer.Pieces], maxAnswer, $"model-{step}.bin", $"optimizer-{step}.bin"),
                        network,
                        optimizer);
                }
            }

            void Report(double learningRate, double? measuredValidation)
            {
                var rate = tokensSeen / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
                var secondsPerStep = clock.Elapsed.TotalSeconds / Math.Max(1, step - (resumed?.Step ?? 0));
                var remaining = (totalSteps - step) * secondsPerStep;
                if (budget is { } b)
                {
                    remaining = Math.Min(remaining, Math.Max(0, b - Elapsed()));
                }

                progress?.Report(new TrainingProgress(
                    step, totalSteps, (int)Math.Min(options.Epochs, (step / stepsPerEpoch) + 1), smoothed, measuredValidation, learningRate, rate,
                    TimeSpan.FromSeconds(Elapsed()), TimeSpan.FromSeconds(remaining)));
            }

            network.train();
            while (step < totalSteps)
            {
                var epoch = (int)(step / stepsPerEpoch);
                var plan = Batches(trainSet, options.BatchSize, options.Seed, epoch);
                for (var index = (int)(step % stepsPerEpoch); index < plan.Count; index++)
                {
                    if (cancellationToken.IsCancellationRequested)
                    {
                        SaveCheckpoint();
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    var fraction = Math.Max((double)step / totalSteps, budget is { } b ? Elapsed() / b : 0);
                    if (fraction >= 1)
                    {
                        stoppedByBudget = true;
                        break;
                    }

                    var learningRate = LearningRate(options, step, fraction);
                    foreach (var group in optimizer.ParamGroups)
                    {
                        group.LearningRate = learningRate;
                    }

                    var batch = plan[index];
                    double loss;
                    using (var scope = NewDisposeScope())
                    {
                        optimizer.zero_grad();
                        var output = BatchLoss(network, batch);
                        output.backward();
                        nn.utils.clip_grad_norm_(network.parameters(), options.GradientClipNorm);
                        optimizer.step();
                        loss = output.item<float>();
                    }

                    tokensSeen += batch.Sum(e => e.Tokens.Length);
                    smoothed = double.IsNaN(smoothed) ? loss : ((1 - LossSmoothing) * smoothed) + (LossSmoothing * loss);
                    step++;

                    var evaluate = validationSet.Length > 0 && step % options.EvaluationInterval == 0;
                    if (evaluate)
                    {
                        validationLoss = ValidationLoss(network, validationSet);
                    }

                    if (evaluate || step % options.ProgressInterval == 0)
                    {
                        Report(learningRate, evaluate ? validationLoss : null);
                    }

                    if (step % options.CheckpointInterval == 0)
                    {
                        SaveCheckpoint();
                    }
                }

                if (stoppedByBudget)
                {
                    break;
                }
            }

            if (validationSet.Length > 0)
            {
                validationLoss = ValidationLoss(network, validationSet);
            }

            Report(LearningRate(options, step, 1), validationLoss);
            SaveCheckpoint();

            var model = new GenerativeSpecialistModel(network, tokenizer, maxAnswer, null);
            double? exactMatch = null;
            var samples = options.FinalExactMatchSamples is { } n ? Math.Min(n, validation.Count) : validation.Count;
            if (samples > 0)
            {
                exactMatch = model.Evaluate([.. validation.Take(samples)]).ExactMatch;
            }

            model.Summary = new TrainingSummary(
                step, options.Epochs, TimeSpan.FromSeconds(Elapsed()), smoothed, validationLoss, exactMatch, model.ParameterCount, stoppedByBudget);
            return model;
        }
        catch
        {
            network.Dispose();
            throw;
        }
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

    private static double ValidationLoss(TinyLlama network, IReadOnlyList<(int[] Tokens, int AnswerStart)> examples)
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
