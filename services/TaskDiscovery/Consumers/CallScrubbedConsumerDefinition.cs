using MassTransit;

namespace SlmPlatform.TaskDiscovery.Consumers;

/// <summary>Retries in place, then the <c>task-discovery_error</c> queue.</summary>
public sealed class CallScrubbedConsumerDefinition : ConsumerDefinition<CallScrubbedConsumer>
{
    public CallScrubbedConsumerDefinition()
    {
        EndpointName = "task-discovery";
        ConcurrentMessageLimit = 16;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CallScrubbedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 500, 1_000, 2_000, 5_000));
}
