using MassTransit;

namespace SlmPlatform.TaskDiscovery.Consumers;

/// <summary>
/// One decision at a time. The retries cover the database or the broker being away briefly (asking training for the
/// serving model's score is a mandatory publish): nothing slow runs here, the evaluation itself runs in training.
/// </summary>
public sealed class ModelEvaluatedConsumerDefinition : ConsumerDefinition<ModelEvaluatedConsumer>
{
    public ModelEvaluatedConsumerDefinition()
    {
        EndpointName = "promotion-evaluations";
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ModelEvaluatedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(1_000, 5_000, 30_000, 120_000));
}
