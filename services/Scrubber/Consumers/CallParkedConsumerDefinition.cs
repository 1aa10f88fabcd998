using MassTransit;

namespace SlmPlatform.Scrubber.Consumers;

/// <summary>
/// Calls are parked mostly because the database was away, so storing them waits for it: retries for about half an
/// hour. What is left after that stays in <c>scrubber-parked_error</c> — sealed, like everything on this queue.
/// </summary>
public sealed class CallParkedConsumerDefinition : ConsumerDefinition<CallParkedConsumer>
{
    public CallParkedConsumerDefinition()
    {
        EndpointName = "scrubber-parked";
        ConcurrentMessageLimit = 4;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CallParkedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PublishFaults = false;
        endpointConfigurator.UseMessageRetry(retry => retry.Exponential(20, TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(2)));
    }
}
