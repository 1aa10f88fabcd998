using SlmPlatform.Specialists.Catalog;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Specialists.Kubernetes;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Workers;

/// <summary>
/// Fine-tunes a catalog model on the GPU trainer: exports the dataset's train and validation splits as Hugging Face chat
/// JSONL into the artifact store (a volume the trainer's pod mounts), launches deploy/training as a Kubernetes Job that
/// writes a PEFT adapter back beside them, and follows the Job until it ends. The pod reports no step figures here
/// (its log has them): progress is the phase only, <c>launched</c> then <c>running</c>. The job's lease is renewed
/// by <see cref="JobLease"/> meanwhile; a cancel or the time limit deletes the Kubernetes Job, while a worker that
/// loses its lease or shuts down leaves it running for the worker that takes over (the Job's name is the job's).
/// </summary>
public sealed partial class LoraJob(IArtifactStore artifacts, GpuTrainer trainer, ModelCatalog catalog, ILogger<LoraJob> logger)
{
    public const string Kind = "lora";

    /// <summary>Whether the selector may choose a catalog model: only when a GPU trainer is configured.</summary>
    public bool Available => trainer.IsConfigured;

    /// <summary>The catalog model a job kind names, or null for the CPU kinds and <c>auto</c>.</summary>
    public CatalogModel? ModelOf(string kind) => catalog.Models.FirstOrDefault(m => m.Id == kind);

    /// <summary>Fails a job that names a catalog model before its dataset is built, when nothing could train it.</summary>
    public void EnsureAvailableFor(string kind)
    {
        if (ModelOf(kind) is not null && !trainer.IsConfigured)
        {
            throw new InvalidOperationException(GpuTrainer.NotConfigured);
        }
    }

    public async Task<TrainedSpecialist> RunAsync(
        JobRow row, string datasetId, IReadOnlyList<DatasetExample> examples, CatalogModel model, JobProgress progress, JobLease lease)
    {
        var cancellationToken = lease.Token;
        var launcher = trainer.Launcher;
        if (!examples.Any(e => e.Split == DatasetExample.Train))
        {
            throw new InvalidOperationException("The dataset has no train examples; it needs more examples.");
        }

        await progress.PhaseAsync("exporting_dataset", cancellationToken);
        var folder = $"{DatasetStore.Safe(row.TenantId)}/lora/{row.Job.Id:N}";
        var trainKey = await ExportAsync(examples, DatasetExample.Train, $"{folder}/train.jsonl", cancellationToken);
        var validationKey = await ExportAsync(examples, DatasetExample.Validation, $"{folder}/validation.jsonl", cancellationToken);
        var adapterKey = $"{folder}/adapter";
        var hyperparameters = row.Request.Hyperparameters.ToLoraHyperparameters();
        var request = new LoraJobRequest(row.Job.Id, model.HuggingFaceId, model.OllamaTag, trainer.PodPathOf(trainKey!),
            validationKey is null ? null : trainer.PodPathOf(validationKey), trainer.PodPathOf(adapterKey), hyperparameters);
        var name = LoraJobSpec.NameOf(row.Job.Id);
        try
        {
            var created = await launcher.StartAsync(request, cancellationToken);
            LogLaunched(row.Job.Id, name, created);
            await FollowAsync(launcher, row.Job.Id, name, progress, cancellationToken);
        }
        catch (OperationCanceledException) when (!lease.Abandoned)
        {
            // Cancelled, or past the job's time limit: the GPU must not go on training for nobody.
            await launcher.CancelAsync(row.Job.Id, CancellationToken.None);
            LogDeleted(row.Job.Id, name);
            throw;
        }

        await progress.PhaseAsync("registering", cancellationToken);
        return await LoraResult.ReadAsync(artifacts, model, hyperparameters, datasetId, trainKey!, validationKey, adapterKey, name, cancellationToken);
    }

    private async Task FollowAsync(KubernetesLoraLauncher launcher, Guid jobId, string name, JobProgress progress, CancellationToken cancellationToken)
    {
        var phase = "launched";
        await progress.ReportAsync(Progress(phase, name), cancellationToken);
        while (true)
        {
            await Task.Delay(trainer.Options.PollInterval, cancellationToken);
            switch (await launcher.StateAsync(jobId, cancellationToken))
            {
                case LoraJobState.Succeeded:
                    return;
                case LoraJobState.Failed:
                    throw new InvalidOperationException($"The GPU trainer failed ({name}): {await launcher.FailureAsync(jobId, cancellationToken)}.");
                case LoraJobState.Missing:
                    throw new InvalidOperationException($"The GPU trainer's Kubernetes Job {name} is gone: it was deleted outside the platform.");
                case LoraJobState.Running when phase != "running":
                    phase = "running";
                    await progress.ReportAsync(Progress(phase, name), cancellationToken);
                    break;
            }
        }
    }

    private object Progress(string phase, string name) => new
    {
        phase,
        kubernetes_job = name,
        @namespace = trainer.Options.Namespace,
        // Said on the row itself, so that nobody waits for epochs that will not come.
        note = "The trainer's pod reports no step or loss figures here; its log has them.",
    };

    /// <summary>One split as Hugging Face chat JSONL under the key; null (nothing written) when the split is empty.</summary>
    private async Task<string?> ExportAsync(IReadOnlyList<DatasetExample> examples, string split, string key, CancellationToken cancellationToken)
    {
        if (!examples.Any(e => e.Split == split))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await DatasetExport.WriteAsync(examples, DatasetExport.HuggingFace, buffer, split, cancellationToken);
        await artifacts.WriteAsync(key, buffer.ToArray(), cancellationToken);
        return key;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: GPU trainer Kubernetes Job {Name} launched (created now: {Created})")]
    private partial void LogLaunched(Guid jobId, string name, bool created);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: GPU trainer Kubernetes Job {Name} deleted")]
    private partial void LogDeleted(Guid jobId, string name);
}
