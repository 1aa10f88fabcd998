using MassTransit;
using SlmPlatform.Messaging;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>Asks the training service to score a model as served on a dataset's test split.</summary>
public interface IModelEvaluations
{
    /// <summary>Sends the command; the answer comes back as a <see cref="ModelEvaluated"/> or a <see cref="ModelEvaluationRefused"/>.</summary>
    Task RequestAsync(EvaluateModel command, CancellationToken cancellationToken);
}

/// <summary>
/// <see cref="EvaluateModel"/> to the training service, mandatory and confirmed: with training never started (its
/// queue not bound) or the broker away this throws, and the evaluation that asked is retried.
/// </summary>
public sealed class BusModelEvaluations(IBus bus) : IModelEvaluations
{
    public Task RequestAsync(EvaluateModel command, CancellationToken cancellationToken) =>
        bus.PublishMandatoryAsync(command, command.CommandId, cancellationToken);
}

/// <summary>Asks the serving service to deploy a model; the answer comes back as a <see cref="ModelDeployed"/>.</summary>
public interface IModelDeployments
{
    Task RequestAsync(ModelDeployRequested request, CancellationToken cancellationToken);

    /// <summary>Asks serving to take a demoted model off its target; nothing answers.</summary>
    Task RequestAsync(ModelUndeployRequested request, CancellationToken cancellationToken);
}

/// <summary><see cref="ModelDeployRequested"/> to serving, mandatory and confirmed, as <see cref="BusModelEvaluations"/> sends its commands.</summary>
public sealed class BusModelDeployments(IBus bus) : IModelDeployments
{
    public Task RequestAsync(ModelDeployRequested request, CancellationToken cancellationToken) =>
        bus.PublishMandatoryAsync(request, request.EventId, cancellationToken);

    public Task RequestAsync(ModelUndeployRequested request, CancellationToken cancellationToken) =>
        bus.PublishMandatoryAsync(request, request.EventId, cancellationToken);
}
