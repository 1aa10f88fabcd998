using MassTransit;
using SlmPlatform.Serving.Infrastructure.Deployment;

namespace SlmPlatform.Serving.Consumers;

/// <summary>
/// Deploys a specialist where it was asked and announces the outcome, failed or not: a target that stays unreachable
/// after the deployment's own retries ends in <c>ModelDeployed</c> with <c>Succeeded = false</c>, not in a message
/// redelivered forever. Deploying is idempotent, so a redelivered request deploys again and announces again.
/// </summary>
public sealed class ModelDeployRequestedConsumer(SpecialistDeployment deployment) : IConsumer<ModelDeployRequested>, IConsumer<ModelUndeployRequested>
{
    /// <summary>A demoted model taken off its target, on the same queue so that a deployment and its undeployment never cross.</summary>
    public Task Consume(ConsumeContext<ModelUndeployRequested> context) => deployment.UndeployAsync(context.Message, context.CancellationToken);

    public async Task Consume(ConsumeContext<ModelDeployRequested> context)
    {
        var outcome = await deployment.DeployAsync(context.Message, context.CancellationToken);
        await context.Publish(outcome.Event, publish => publish.MessageId = outcome.Event.EventId, context.CancellationToken);
    }
}
