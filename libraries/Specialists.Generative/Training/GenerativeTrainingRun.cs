using System.Diagnostics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SlmPlatform.Specialists.Generative;

/// <summary>
/// One training run of <see cref="GenerativeTrainer"/>: the optimiser and the run's position (step, smoothed loss,
/// time spent, counting any earlier run it resumes), the step loop with its schedule, time budget, validation,
/// progress reports and checkpoints, and the trained model at the end. The network passes to the model it returns.
/// </summary>
internal sealed class GenerativeTrainingRun : IDisposable
{
    private const double LossSmoothing = 0.05;

    private readonly TinyLlama _network;
    private readonly AdamW _optimizer;
    private readonly GenerativeTrainingOptions _options;
    private readonly IProgress<TrainingProgress>? _progress;
    private readonly string? _checkpointDirectory;
    private readonly GenerativeTrainingSetup _setup;
    private readonly long _resumedStep;
    private readonly double _previousSeconds;
    private readonly int _stepsPerEpoch;
    private readonly long _totalSteps;
    private readonly double? _budget;
    private readonly Stopwatch _clock = new();
    private long _step;
    private double _smoothed = double.NaN;
    private long _tokensSeen;

    public GenerativeTrainingRun(
        TinyLlama network, GenerativeTrainingSetup setup, GenerativeTrainingOptions options, IProgress<TrainingProgress>? progress, string? checkpointDirectory)
    {
        _network = network;
        _setup = setup;
        _options = options;
        _progress = progress;
        _checkpointDirectory = checkpointDirectory;
        _optimizer = optim.AdamW(network.parameters(), options.LearningRate, 0.9, 0.95, 1e-8, options.WeightDecay);
        if (setup.Resumed is { } resumed)
        {
            resumed.Restore(checkpointDirectory!, network, _optimizer);
            _step = _resumedStep = resumed.Step;
            _previousSeconds = resumed.ElapsedSeconds;
            _smoothed = resumed.SmoothedLoss;
        }

        _stepsPerEpoch = (setup.Train.Length + options.BatchSize - 1) / options.BatchSize;
        _totalSteps = (long)_stepsPerEpoch * options.Epochs;
        _budget = options.MaxTrainingTime?.TotalSeconds;
    }

    /// <summary>Steps until the epochs or the time budget run out; true when the budget stopped it. Cancellation
    /// writes a checkpoint, then throws.</summary>
    public bool Optimise(CancellationToken cancellationToken)
    {
        _clock.Start();
        _network.train();
        double? validationLoss = null;
        while (_step < _totalSteps)
        {
            var plan = GenerativeTrainer.Batches(_setup.Train, _options.BatchSize, _options.Seed, (int)(_step / _stepsPerEpoch));
            for (var index = (int)(_step % _stepsPerEpoch); index < plan.Count; index++)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    SaveCheckpoint();
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var fraction = Math.Max((double)_step / _totalSteps, _budget is { } b ? Elapsed() / b : 0);
                if (fraction >= 1)
                {
                    return true;
                }

                var learningRate = GenerativeTrainer.LearningRate(_options, _step, fraction);
                Step(plan[index], learningRate);

                var evaluate = _setup.Validation.Length > 0 && _step % _options.EvaluationInterval == 0;
                if (evaluate)
                {
                    validationLoss = GenerativeTrainer.ValidationLoss(_network, _setup.Validation);
                }

                if (evaluate || _step % _options.ProgressInterval == 0)
                {
                    Report(learningRate, evaluate ? validationLoss : null);
                }

                if (_step % _options.CheckpointInterval == 0)
                {
                    SaveCheckpoint();
                }
            }
        }

        return false;
    }

    /// <summary>The final validation loss, report and checkpoint, and the trained model with its summary and, on up to
    /// <see cref="GenerativeTrainingOptions.FinalExactMatchSamples"/> held-out pairs, its greedy exact match.</summary>
    public GenerativeSpecialistModel Finish(IReadOnlyList<(string Prompt, string Answer)> validation, bool stoppedByBudget)
    {
        double? validationLoss = _setup.Validation.Length > 0 ? GenerativeTrainer.ValidationLoss(_network, _setup.Validation) : null;
        Report(GenerativeTrainer.LearningRate(_options, _step, 1), validationLoss);
        SaveCheckpoint();

        var model = new GenerativeSpecialistModel(_network, _setup.Tokenizer, _setup.MaxAnswer, null);
        var samples = _options.FinalExactMatchSamples is { } n ? Math.Min(n, validation.Count) : validation.Count;
        double? exactMatch = samples > 0 ? model.Evaluate([.. validation.Take(samples)]).ExactMatch : null;
        model.Summary = new TrainingSummary(
            _step, _options.Epochs, TimeSpan.FromSeconds(Elapsed()), _smoothed, validationLoss, exactMatch, model.ParameterCount, stoppedByBudget);
        return model;
    }

    public void Dispose() => _optimizer.Dispose();

    private void Step((int[] Tokens, int AnswerStart)[] batch, double learningRate)
    {
        foreach (var group in _optimizer.ParamGroups)
        {
            group.LearningRate = learningRate;
        }

        double loss;
        using (NewDisposeScope())
        {
            _optimizer.zero_grad();
            var output = GenerativeTrainer.BatchLoss(_network, batch);
            output.backward();
            nn.utils.clip_grad_norm_(_network.parameters(), _options.GradientClipNorm);
            _optimizer.step();
            loss = output.item<float>();
        }

        _tokensSeen += batch.Sum(e => e.Tokens.Length);
        _smoothed = double.IsNaN(_smoothed) ? loss : ((1 - LossSmoothing) * _smoothed) + (LossSmoothing * loss);
        _step++;
    }

    private double Elapsed() => _previousSeconds + _clock.Elapsed.TotalSeconds;

    private void SaveCheckpoint()
    {
        if (_checkpointDirectory is not null)
        {
            var tokenizer = _setup.Tokenizer;
            TrainingCheckpoint.Write(
                _checkpointDirectory,
                new TrainingCheckpoint(_step, Elapsed(), _smoothed, _setup.DataHash, _setup.Shape, tokenizer.Kind, [.. tokenizer.Pieces], _setup.MaxAnswer, $"model-{_step}.bin", $"optimizer-{_step}.bin"),
                _network,
                _optimizer);
        }
    }

    private void Report(double learningRate, double? measuredValidation)
    {
        var rate = _tokensSeen / Math.Max(_clock.Elapsed.TotalSeconds, 1e-9);
        var secondsPerStep = _clock.Elapsed.TotalSeconds / Math.Max(1, _step - _resumedStep);
        var remaining = (_totalSteps - _step) * secondsPerStep;
        if (_budget is { } b)
        {
            remaining = Math.Min(remaining, Math.Max(0, b - Elapsed()));
        }

        _progress?.Report(new TrainingProgress(
            _step, _totalSteps, (int)Math.Min(_options.Epochs, (_step / _stepsPerEpoch) + 1), _smoothed, measuredValidation, learningRate, rate,
            TimeSpan.FromSeconds(Elapsed()), TimeSpan.FromSeconds(remaining)));
    }
}

/// <summary>What a run trains on: the tokenizer and shape (new, or the checkpoint's), the encoded examples, and the
/// hash that ties a checkpoint to its data and options.</summary>
internal sealed record GenerativeTrainingSetup(
    SpecialistTokenizer Tokenizer, LlamaShape Shape, int MaxAnswer, string DataHash, TrainingCheckpoint? Resumed,
    (int[] Tokens, int AnswerStart)[] Train, (int[] Tokens, int AnswerStart)[] Validation);
