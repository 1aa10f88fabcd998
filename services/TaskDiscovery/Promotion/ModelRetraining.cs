using MassTransit;
using SlmPlatform.Messaging;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>Starts a new fine-tune job for a task (the training service's jobs).</summary>
public interface IModelRetraining
{
    /// <summary>Asks for a job; <paramref name="clientJobId"/> makes a repeated request find the same job.</summary>
    Task RequestAsync(string tenantId, Guid taskId, string clientJobId, CancellationToken cancellationToken);
}

/// <summary>
/// <see cref="FineTuneRequested"/> to the training service, mandatory and confirmed: with training never started (its
/// queue not bound) or the broker away this throws, and the decision says that no retraining could be asked for.
/// </summary>
public sealed class BusModelRetraining(IBus bus) : IModelRetraining
{

    public Task RequestAsync(string tenantId, Guid taskId, string clientJobId, CancellationToken cancellationToken)
    {
        var requested = new FineTuneRequested(DeterministicId.Create("finetune-requested", tenantId, clientJobId), tenantId, taskId, clientJobId, "promotion policy");
        return bus.PublishMandatoryAsync(requested, requested.RequestId, cancellationToken);
    }
}
