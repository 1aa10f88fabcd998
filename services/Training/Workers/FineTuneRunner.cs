using MassTransit;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using SlmPlatform.Specialists.Catalog;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Workers;

/// <summary>
/// Runs one fine-tune job on this worker: takes its lease (or leaves it to the worker that holds it), builds or
/// reloads its dataset, records the selector's choice, hands the training to the job of its kind (<see cref="HeadJob"/>,
/// <see cref="GenerativeJob"/>, or <see cref="LoraJob"/> for a catalog model), registers the model and ends the job in a final
/// state. A job another worker took over is left alone; a job whose worker died is taken over and resumed.
/// </summary>
public sealed partial class FineTuneRunner(
    JobStore jobs,
    FairJobOrder fairOrder,
    DatasetStore datasets,
    ModelRegistry registry,
    ITaskCallSource source,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    SpecialistSelector selector,
    HeadJob headJob,
    GenerativeJob generativeJob,
    LoraJob loraJob,
    IOptions<TrainingOptions> options,
    ILogger<FineTuneRunner> logger)
{
    private const string HeadKind = "classifier-head";
    private const int FairCandidates = 8;
    // One holder per run, not per process: two workers in one process (as in the replica tests) must not share a lease.
    private readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// Runs one job on this worker: the fairest waiting (<see cref="FairJobOrder.CandidatesAsync"/>), which is the one
    /// <paramref name="announced"/> names unless another tenant has waited with fewer jobs running. Every queued job
    /// has its own announcement, so each job still gets a turn.
    /// </summary>
    public async Task RunAsync(Guid announced, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        var lease = TimeSpan.FromSeconds(options.Value.LeaseSeconds);
        JobRow? row = null;
        foreach (var candidate in await fairOrder.CandidatesAsync(announced, FairCandidates, cancellationToken))
        {
            // Another worker may take a candidate first: then the next one.
            if ((row = await jobs.TryAcquireAsync(candidate, _holder, lease, options.Value.MaxAttempts, cancellationToken)) is not null)
            {
                break;
            }
        }

        if (row is null)
        {
            LogNotTaken(announced);
            return;
        }

        var jobId = row.Job.Id;

        LogStarted(jobId, row.Job.Attempts);
        var timeLimit = TimeSpan.FromSeconds(row.Request.TimeLimitSeconds ?? options.Value.DefaultTimeLimitSeconds);
        var stop = new JobLease(jobs, jobId, _holder, lease, timeLimit, cancellationToken);
        await using (stop)
        {
            try
            {
                var modelId = await RunLeasedAsync(row, publisher, stop);
                await jobs.FinishAsync(jobId, _holder, JobStates.Succeeded, null, modelId, CancellationToken.None);
                LogFinished(jobId, JobStates.Succeeded);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested || e is ObjectDisposedException)
            {
                // This worker is stopping (its host is shutting down and disposing what the job uses): whatever the
                // job threw is a symptom of that, not the job's own failure. Hand it back at once; another worker
                // takes it and resumes from its checkpoint.
                LogHandedBack(jobId, e.GetType().Name);
                await jobs.ReleaseAsync(jobId, _holder, CancellationToken.None);
                throw;
            }
            catch (OperationCanceledException) when (stop.Token.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                var reason = stop.StopReason;
                if (reason != "lost")
                {
                    await jobs.FinishAsync(jobId, _holder, reason == "cancelled" ? JobStates.Cancelled : JobStates.Failed,
                        reason == "cancelled" ? null : $"The job passed its time limit of {timeLimit.TotalSeconds:0} s.", null, CancellationToken.None);
                }

                LogFinished(jobId, reason);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or InvalidDataException or TimeoutException)
            {
                // Failures of the job itself (too little data, a task without labels): final, not retried.
                await jobs.FinishAsync(jobId, _holder, JobStates.Failed, e.Message, null, CancellationToken.None);
                LogFailed(jobId, e.GetType().Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Unexpected (the database or the tasks service away): let the lease go so that the consumer's
                // retry, or the sweeper, tries again soon; attempts are counted and capped.
                LogRetrying(jobId, e.GetType().Name);
                await jobs.ReleaseAsync(jobId, _holder, CancellationToken.None);
                throw;
            }
        }
    }

    private async Task<Guid> RunLeasedAsync(JobRow row, IPublishEndpoint publisher, JobLease lease)
    {
        var cancellationToken = lease.Token;
        loraJob.EnsureAvailableFor(row.Job.Kind);
        var progress = new JobProgress(jobs, publisher, row, _holder);
        var (dataset, examples) = await DatasetAsync(row, progress, cancellationToken);
        var profile = new TaskProfile(dataset.OutputKind, examples.Count, dataset.Labels.Count,
            examples.Count == 0 ? 0 : (double)examples.Count(e => e.Label is not null) / examples.Count);
        // Catalog models are candidates only where a GPU trainer is configured; the explanation says so either way.
        var selection = selector.Select(profile, new SelectionConstraints(GpuAvailable: loraJob.Available));
        await jobs.UpdateAsync(row.Job.Id, _holder, "selection", JsonSerializer.Serialize(selection, Db.JsonOptions), cancellationToken);
        var kind = (row.Job.Kind == "auto" ? selection.Choice?.Id : row.Job.Kind) ?? Unsupported<string>(selection);
        var modelId = DeterministicId.Create("model", row.TenantId, row.Job.Id.ToString());
        var trained = kind switch
        {
            HeadKind => await headJob.RunAsync(row, _holder, modelId, dataset, examples, progress, cancellationToken),
            GenerativeJob.Kind => await generativeJob.RunAsync(row, _holder, modelId, dataset.Id, examples, progress, cancellationToken),
            _ when loraJob.ModelOf(kind) is { } slm => await loraJob.RunAsync(row, dataset.Id, examples, slm, progress, lease),
            _ => Unsupported<TrainedSpecialist>(selection),
        };

        kind = trained.Kind ?? kind;
        var model = await registry.RegisterAsync(row.TenantId, modelId, row.Job.TaskId, row.Job.Id, kind, trained.BaseModel, dataset.Id,
            trained.Hyperparameters, trained.Metrics, trained.Artifacts, cancellationToken);
        await ModelAnnouncement.PublishAsync(
            publisher, registry, row.TenantId, model, new HeldOutFigures(trained.TestExamples, trained.TestAccuracy, trained.TestMacroF1), cancellationToken);
        return model.Id;
    }

    private static T Unsupported<T>(Selection selection) => throw new InvalidOperationException(
        $"This training service trains {HeadKind} and {GenerativeJob.Kind} specialists, and catalog models where a GPU trainer is configured; the selection was: {selection.Explanation}");

    private async Task<(DatasetVersion Dataset, IReadOnlyList<DatasetExample> Examples)> DatasetAsync(JobRow row, JobProgress progress, CancellationToken cancellationToken)
    {
        if (row.Job.DatasetId is { } existing && await datasets.FindAsync(row.TenantId, existing, cancellationToken) is { } stored
            && await datasets.ExamplesAsync(stored, cancellationToken) is { } storedExamples)
        {
            // A resumed job trains on the very dataset version it started with.
            var labels = stored.Labels.EnumerateArray().Select(l => l.GetString()!).ToList();
            return (new DatasetVersion(stored.Id, row.TenantId, stored.TaskId, stored.OutputKind, stored.ContentHash, new Dictionary<string, int>(), labels,
                new DatasetLineage(0, new DatasetOptions(), null, [], []), storedExamples), storedExamples);
        }

        await progress.PhaseAsync("building_dataset", cancellationToken);
        var outputKind = await source.OutputKindAsync(row.TenantId, row.Job.TaskId, cancellationToken)
            ?? throw new InvalidOperationException($"Task {row.Job.TaskId} was not found.");
        var datasetOptions = row.Request.Dataset.ToOptions();
        var dataset = await new DatasetBuilder(embedder).BuildAsync(source, row.TenantId, row.Job.TaskId, outputKind, datasetOptions, cancellationToken);
        await datasets.SaveAsync(dataset, cancellationToken);
        await jobs.UpdateAsync(row.Job.Id, _holder, "dataset_id", dataset.Id, cancellationToken);
        return (dataset, dataset.Examples);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} is finished or held by another worker, and no other job waits; nothing taken")]
    private partial void LogNotTaken(Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} started (attempt {Attempt})")]
    private partial void LogStarted(Guid jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} ended: {Outcome}")]
    private partial void LogFinished(Guid jobId, string outcome);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} hit {ErrorType}; it will be tried again")]
    private partial void LogRetrying(Guid jobId, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} handed back on this worker's shutdown ({ErrorType})")]
    private partial void LogHandedBack(Guid jobId, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} failed ({ErrorType})")]
    private partial void LogFailed(Guid jobId, string errorType);
}
