using MassTransit;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Workers;

/// <summary>Creates a fine-tune job (once per client job id) and hands it to a worker: for the API and for
/// <see cref="FineTuneRequested"/> alike.</summary>
public sealed class JobStarter(JobStore jobs)
{
    /// <summary><paramref name="request"/> is valid; returns the job and whether this call created it.</summary>
    public async Task<(FineTuneJob Job, bool Created)> StartAsync(
        string tenantId, FineTuneRequest request, IPublishEndpoint bus, CancellationToken cancellationToken)
    {
        var normalised = request with { Kind = request.Kind ?? "auto" };
        var jobId = normalised.ClientJobId is { } clientJobId ? DeterministicId.Create("finetune-job", tenantId, clientJobId) : Guid.CreateVersion7();
        var (job, created) = await jobs.CreateAsync(tenantId, jobId, normalised, normalised.Kind!, cancellationToken);

        // Announced on every repeat of a queued job too: a lost first announcement is made good, and a worker
        // drops commands for jobs that are running or finished. The sweeper covers a publish that fails here.
        if (job.State == JobStates.Queued)
        {
            await bus.Publish(new StartFineTune(job.Id, tenantId), cancellationToken);
        }

        return (job, created);
    }
}
