using MassTransit;

namespace SlmPlatform.Tasks.Consumers;

/// <summary>Retries over a few minutes cover the training service or serving being away while the serving model is
/// scored on the new model's test set.</summary>
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
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(5_000, 30_000, 120_000));
}
