using MassTransit;

namespace SlmPlatform.TaskDiscovery.Consumers;

/// <summary>Retries in place (a database restart), then the <c>task-discovery-models_error</c> queue.</summary>
public sealed class ModelAnnouncedConsumerDefinition : ConsumerDefinition<ModelAnnouncedConsumer>
{
    public ModelAnnouncedConsumerDefinition()
    {
        EndpointName = "task-discovery-models";
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ModelAnnouncedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(10, TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1)));
}
