using MassTransit;

namespace SlmPlatform.TaskDiscovery.Consumers;

/// <summary>Retries in place (a database or Redis restart), then the <c>task-discovery-erasures_error</c> queue.</summary>
public sealed class CallsErasedConsumerDefinition : ConsumerDefinition<CallsErasedConsumer>
{
    public CallsErasedConsumerDefinition()
    {
        EndpointName = "task-discovery-erasures";
        ConcurrentMessageLimit = 2;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CallsErasedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(10, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(1)));
}
