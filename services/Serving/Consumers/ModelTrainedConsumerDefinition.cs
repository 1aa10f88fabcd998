using MassTransit;

namespace SlmPlatform.Serving.Consumers;

/// <summary>
/// The registry's queue. Writing an entry takes milliseconds; the retries cover the artifact volume being briefly
/// away, after which the announcement goes to <c>serving-registry_error</c> and can be moved back once it is.
/// </summary>
public sealed class ModelTrainedConsumerDefinition : ConsumerDefinition<ModelTrainedConsumer>
{
    public ModelTrainedConsumerDefinition() => EndpointName = "serving-registry";

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ModelTrainedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(1_000, 5_000, 30_000));
}
