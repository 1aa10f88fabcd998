using Microsoft.Extensions.AI;
using SlmPlatform.Specialists.Artifacts;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Specialists.Evaluation;
using SlmPlatform.Specialists.Training;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Workers;

/// <summary>What a classifier-head job produced: the head, its held-out report and how training went.</summary>
public sealed record HeadOutcome(ClassifierHead Head, ClassificationReport Test, ClassifierHeadRun Run, ClassifierHeadOptions Options);

/// <summary>
/// Trains a classifier head on a dataset: embeds each example's input text, trains on the train and validation
/// splits (the trainer early-stops on its own folds of them), resumes from the job's last checkpoint when it has
/// one, checkpoints after every epoch, and scores the head on the test split.
/// </summary>
public sealed partial class HeadJob(IEmbeddingGenerator<string, Embedding<float>> embedder, IArtifactStore artifacts, JobStore jobs, ILogger<HeadJob> logger)
{
    /// <summary>Trains the head, stores its artifact under the model's id and describes it for the registry.</summary>
    public async Task<TrainedSpecialist> RunAsync(
        JobRow row, string holder, Guid modelId, DatasetVersion dataset, IReadOnlyList<DatasetExample> examples, JobProgress progress, CancellationToken cancellationToken)
    {
        var outcome = await TrainAsync(row, holder, examples, dataset.Labels, progress, cancellationToken);
        var key = $"{DatasetStore.Safe(row.TenantId)}/models/{modelId}{ClassifierHeadArtifact.FileExtension}";
        using (var stream = new MemoryStream())
        {
            ClassifierHeadArtifact.Write(outcome.Head, stream, new Dictionary<string, string> { ["dataset_id"] = dataset.Id, ["job_id"] = row.Job.Id.ToString() });
            await artifacts.WriteAsync(key, stream.ToArray(), cancellationToken);
        }

        var t = outcome.Test;
        var metrics = new
        {
            test = new { n = t.N, accuracy = t.Accuracy, accuracy_ci95 = new[] { t.AccuracyLow, t.AccuracyHigh }, macro_f1 = t.MacroF1, macro_f1_ci95 = new[] { t.MacroF1Low, t.MacroF1High } },
            training = new { epochs = outcome.Run.EpochsRun, best_epochs = outcome.Run.BestEpochs, validation_loss = outcome.Run.BestValidationLoss, seconds = outcome.Run.TrainingTime.TotalSeconds, stop_reason = outcome.Run.StopReason },
        };
        var artifact = new { head = new { key, location = artifacts.LocationOf(key), format = ClassifierHeadArtifact.Format } };
        return new TrainedSpecialist(outcome.Head.EmbeddingModelId, outcome.Options, metrics, artifact, t.N, t.Accuracy, t.MacroF1);
    }

    public async Task<HeadOutcome> TrainAsync(
        JobRow row, string holder, IReadOnlyList<DatasetExample> examples, IReadOnlyList<string> labels, JobProgress progress, CancellationToken cancellationToken)
    {
        if (examples.Any(e => e.Label is null) || labels.Count < 2)
        {
            throw new InvalidOperationException("A classifier head needs a label on every example and at least two labels.");
        }

        var test = examples.Where(e => e.Split == DatasetExample.Test).ToList();
        var fit = examples.Where(e => e.Split != DatasetExample.Test).ToList();
        if (test.Count == 0)
        {
            throw new InvalidOperationException("The dataset has no test split to score the head on; it needs more examples.");
        }

        await progress.PhaseAsync("embedding", cancellationToken);
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var fitRows = await EmbedAsync(fit, index, cancellationToken);
        var testRows = await EmbedAsync(test, index, cancellationToken);
        var modelId = embedder.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown";

        var options = row.Request.Hyperparameters.ToOptions();
        var resume = await LoadCheckpointAsync(row, cancellationToken);
        // One file per attempt: a worker that lost its lease may still write before it notices, and must not overwrite
        // the checkpoint the row points to.
        var checkpointKey = $"{DatasetStore.Safe(row.TenantId)}/checkpoints/{row.Job.Id}.{row.Job.Attempts}.ckpt";
        var hooks = new TrainingHooks(progress.Epoch, checkpoint =>
        {
            using var stream = new MemoryStream();
            checkpoint.WriteTo(stream);
            artifacts.WriteAsync(checkpointKey, stream.ToArray(), CancellationToken.None).GetAwaiter().GetResult();
            jobs.UpdateAsync(row.Job.Id, holder, "checkpoint_key", checkpointKey, CancellationToken.None).GetAwaiter().GetResult();
        });

        await progress.PhaseAsync(resume is null ? "training" : "resuming", cancellationToken);
        var trainer = new ClassifierHeadTrainer(options);
        ClassifierHeadRun run;
        try
        {
            run = await Task.Run(() => trainer.Train(fitRows, labels, modelId, hooks, resume, cancellationToken), cancellationToken);
        }
        catch (InvalidOperationException) when (resume is not null)
        {
            // The checkpoint belongs to other data or options (the request or dataset changed): start afresh.
            LogCheckpointRefused(row.Job.Id);
            run = await Task.Run(() => trainer.Train(fitRows, labels, modelId, hooks, null, cancellationToken), cancellationToken);
        }

        await progress.PhaseAsync("evaluating", cancellationToken);
        var head = run.Head.WithAnswers(TeacherAnswers(examples));
        var (report, _) = HeadEvaluator.Evaluate(head, testRows);
        return new HeadOutcome(head, report, run, options);
    }

    /// <summary>Per label, the assistant content the teacher gave most often for it (what serving answers with).</summary>
    private static Dictionary<string, string> TeacherAnswers(IReadOnlyList<DatasetExample> examples) => examples
        .Where(e => e.Answer.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String)
        .GroupBy(e => e.Label!, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.GroupBy(e => e.Answer.GetProperty("content").GetString()!, StringComparer.Ordinal)
            .OrderByDescending(a => a.Count()).ThenBy(a => a.Key, StringComparer.Ordinal).First().Key, StringComparer.Ordinal);

    private async Task<LabelledVectors> EmbedAsync(List<DatasetExample> examples, Dictionary<string, int> index, CancellationToken cancellationToken)
    {
        var embeddings = await embedder.GenerateAsync(examples.Select(e => e.InputText), cancellationToken: cancellationToken);
        return LabelledVectors.From([.. embeddings.Select(e => e.Vector)], [.. examples.Select(e => index[e.Label!])]);
    }

    private async Task<ClassifierCheckpoint?> LoadCheckpointAsync(JobRow row, CancellationToken cancellationToken)
    {
        if (row.CheckpointKey is null)
        {
            return null;
        }

        await using var stream = await artifacts.OpenReadAsync(row.CheckpointKey, cancellationToken);
        return stream is null ? null : ClassifierCheckpoint.ReadFrom(stream);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: its checkpoint does not fit the job's data or options; training from the start")]
    private partial void LogCheckpointRefused(Guid jobId);
}
