using MassTransit;

namespace SlmPlatform.TaskDiscovery.Consumers;

/// <summary>Retries in place (a database restart), then the <c>routing-tallies_error</c> queue.</summary>
public sealed class RoutingTalliedConsumerDefinition : ConsumerDefinition<RoutingTalliedConsumer>
{
    public RoutingTalliedConsumerDefinition()
    {
        EndpointName = "routing-tallies";
        ConcurrentMessageLimit = 8;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RoutingTalliedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(10, TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1)));
}
