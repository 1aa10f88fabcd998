using Microsoft.Extensions.Options;
using SlmPlatform.Evaluation;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Specialists.Generative;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Workers;

/// <summary>
/// Trains a tiny generative specialist on a dataset: (prompt, answer) pairs from each example (the same non-system
/// message text the head embeds; the system prompt is constant within a task, so it would only lengthen every
/// sequence), training on the train split with validation loss on the validation split, checkpointing every epoch into
/// the job's checkpoint folder (a worker that takes the job over resumes there), within the job's time limit. The
/// result is exported as a Q8_0 GGUF, and that file — what serving runs — is scored by exact match on the test split.
/// </summary>
public sealed partial class GenerativeJob(IArtifactStore artifacts, JobStore jobs, IOptions<TrainingOptions> options, ILogger<GenerativeJob> logger)
{
    public const string Kind = "generative";
    public const string Format = "gguf-q8_0";

    // Dataset building before, export and scoring after: training gets the rest of the time limit.
    private const double TrainingShareOfTimeLimit = 0.75;

    public async Task<TrainedSpecialist> RunAsync(
        JobRow row, string holder, Guid modelId, string datasetId, IReadOnlyList<DatasetExample> examples, JobProgress progress, CancellationToken cancellationToken)
    {
        var train = Pairs(examples, DatasetExample.Train);
        var validation = Pairs(examples, DatasetExample.Validation);
        var test = Pairs(examples, DatasetExample.Test);
        if (train.Count == 0 || test.Count == 0)
        {
            throw new InvalidOperationException("The dataset needs examples with an answer in its train and test splits; it needs more examples.");
        }

        var trainerOptions = TrainerOptions(row, train.Count);
        var stepsPerEpoch = (train.Count + trainerOptions.BatchSize - 1) / trainerOptions.BatchSize;
        var (folder, resumable) = await CheckpointFolderAsync(row, holder, cancellationToken);
        var reporter = new Reporter(p => progress.Generative(p, (int)Math.Ceiling((double)p.Step / stepsPerEpoch), trainerOptions.Epochs));

        await progress.PhaseAsync(resumable ? "resuming" : "training", cancellationToken);
        GenerativeSpecialistModel model;
        try
        {
            model = await GenerativeTrainer.TrainAsync(train, validation, trainerOptions, reporter, folder, cancellationToken);
        }
        catch (InvalidOperationException) when (resumable)
        {
            // The checkpoint belongs to other data or options (the request or dataset changed): start afresh.
            LogCheckpointRefused(row.Job.Id);
            Directory.Delete(folder, recursive: true);
            model = await GenerativeTrainer.TrainAsync(train, validation, trainerOptions, reporter, folder, cancellationToken);
        }

        using (model)
        {
            await progress.PhaseAsync("exporting", cancellationToken);
            var staging = Path.Combine(Path.GetTempPath(), $"slm-{modelId:N}-{Guid.NewGuid():N}.gguf");
            try
            {
                await Task.Run(() => model.ExportGguf(staging, GgufQuantization.Q8_0), cancellationToken);
                var key = $"{DatasetStore.Safe(row.TenantId)}/models/{modelId}.gguf";
                await artifacts.WriteAsync(key, await File.ReadAllBytesAsync(staging, cancellationToken), cancellationToken);

                await progress.PhaseAsync("evaluating", cancellationToken);
                var served = await Task.Run(() => Score(staging, test, cancellationToken), cancellationToken);
                var trained = await Task.Run(() => model.Evaluate(test), cancellationToken);
                return Describe(row, datasetId, key, trainerOptions, model, served, new Proportion(trained.ExactMatches, trained.Count));
            }
            finally
            {
                File.Delete(staging);
            }
        }
    }

    private TrainedSpecialist Describe(
        JobRow row, string datasetId, string key, GenerativeTrainingOptions trainerOptions, GenerativeSpecialistModel model, Proportion served, Proportion trained)
    {
        var summary = model.Summary!;
        var metrics = new
        {
            test = new
            {
                n = served.Count,
                exact_match = served.Value,
                exact_match_ci95 = new[] { served.Low, served.High },
                // The TorchSharp model before Q8_0 rounding: the gap to exact_match is what quantisation cost.
                exact_match_f32 = trained.Value,
            },
            training = new
            {
                steps = summary.Steps,
                epochs = summary.Epochs,
                seconds = summary.Elapsed.TotalSeconds,
                train_loss = summary.FinalLoss,
                validation_loss = summary.ValidationLoss,
                parameters = summary.Parameters,
                stopped_by_time_budget = summary.StoppedByTimeBudget,
            },
        };
        var hyperparameters = new
        {
            tokenizer = trainerOptions.Tokenizer.ToString().ToLowerInvariant(),
            trainerOptions.Dimension,
            trainerOptions.Layers,
            trainerOptions.Heads,
            trainerOptions.FeedForward,
            trainerOptions.ContextLength,
            vocabulary = model.Tokenizer.VocabularySize,
            max_answer_tokens = model.MaxAnswerTokens,
            trainerOptions.Epochs,
            trainerOptions.BatchSize,
            trainerOptions.LearningRate,
            trainerOptions.WarmupSteps,
            trainerOptions.WeightDecay,
            trainerOptions.Dropout,
            trainerOptions.Seed,
            max_training_seconds = trainerOptions.MaxTrainingTime?.TotalSeconds,
        };
        var artifact = new { gguf = new { key, location = artifacts.LocationOf(key), format = Format, dataset_id = datasetId, job_id = row.Job.Id } };
        // A generative answer is right or wrong as a whole: exact match stands for both of the event's figures.
        return new TrainedSpecialist("tiny-llama (from scratch)", hyperparameters, metrics, artifact, served.Count, served.Value, served.Value);
    }

    private GenerativeTrainingOptions TrainerOptions(JobRow row, int trainCount)
    {
        var o = row.Request.Hyperparameters.ToGenerativeOptions();
        var stepsPerEpoch = (trainCount + o.BatchSize - 1) / o.BatchSize;
        var timeLimit = TimeSpan.FromSeconds(row.Request.TimeLimitSeconds ?? options.Value.DefaultTimeLimitSeconds);
        return o with
        {
            // The default warm-up suits thousands of steps; a short run warms up over a tenth of its steps instead.
            WarmupSteps = row.Request.Hyperparameters?.WarmupSteps ?? Math.Clamp(stepsPerEpoch * o.Epochs / 10, 1, o.WarmupSteps),
            MaxTrainingTime = timeLimit * TrainingShareOfTimeLimit,
            // One report (with validation loss) and one checkpoint per epoch, as the head does.
            ProgressInterval = stepsPerEpoch,
            EvaluationInterval = stepsPerEpoch,
            CheckpointInterval = stepsPerEpoch,
        };
    }

    /// <summary>
    /// This attempt's checkpoint folder, holding a copy of the previous attempt's checkpoint when there is one. One
    /// folder per attempt: a worker that lost its lease may still write before it notices, and must not overwrite the
    /// checkpoint the row points to.
    /// </summary>
    private async Task<(string Folder, bool Resumable)> CheckpointFolderAsync(JobRow row, string holder, CancellationToken cancellationToken)
    {
        var key = $"{DatasetStore.Safe(row.TenantId)}/checkpoints/{row.Job.Id}.{row.Job.Attempts}.generative";
        var folder = artifacts.LocalFolderOf(key)
            ?? throw new InvalidOperationException("The generative trainer checkpoints into a folder; this artifact store has none.");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        var previous = row.CheckpointKey is { } k && k != key ? artifacts.LocalFolderOf(k) : null;
        var resumable = previous is not null && Directory.Exists(previous) && File.Exists(Path.Combine(previous, "state.json"));
        if (resumable)
        {
            foreach (var file in Directory.EnumerateFiles(previous!).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        await jobs.UpdateAsync(row.Job.Id, holder, "checkpoint_key", key, cancellationToken);
        return (folder, resumable);
    }

    /// <summary>Greedy answers of the exported file through llama.cpp, exactly as serving will give them.</summary>
    private static Proportion Score(string ggufPath, IReadOnlyList<(string Prompt, string Answer)> test, CancellationToken cancellationToken)
    {
        using var specialist = GgufSpecialist.Load(ggufPath);
        return Proportion.Of(test.Select(e =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            return string.Equals(specialist.Generate(e.Prompt), e.Answer, StringComparison.Ordinal);
        }).ToList());
    }

    private static List<(string Prompt, string Answer)> Pairs(IReadOnlyList<DatasetExample> examples, string split) =>
        [.. examples.Where(e => e.Split == split).Select(e => (Prompt: e.InputText, Answer: AnswerText.Of(e.Answer))).Where(p => p.Answer.Length > 0)];

    /// <summary>Reports on the training thread itself (<see cref="Progress{T}"/> would post them elsewhere, later).</summary>
    private sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: its checkpoint does not fit the job's data or options; training from the start")]
    private partial void LogCheckpointRefused(Guid jobId);
}
