using MassTransit;

namespace SlmPlatform.Calls.Consumers;

/// <summary>
/// Retries transient failures (a database restart, a deadlock) in place; a call that still fails goes to the
/// <c>scrubber_error</c> queue, never back to a publisher. Fault events are off because they would carry the raw call
/// to wherever faults are published.
/// </summary>
public sealed class CallCapturedConsumerDefinition : ConsumerDefinition<CallCapturedConsumer>
{
    public CallCapturedConsumerDefinition()
    {
        EndpointName = "scrubber";
        ConcurrentMessageLimit = 32;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<CallCapturedConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.PublishFaults = false;
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(100, 500, 1_000, 2_000, 5_000));
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = 64;
        }
    }
}
