using MassTransit;

namespace SlmPlatform.Scrubber.Consumers;

/// <summary>
/// Retries transient failures (a database restart, a deadlock) in place; a call that still fails on the last retry is
/// parked sealed by the consumer (<see cref="CallParked"/>), so no raw call reaches the <c>scrubber_error</c> queue
/// (only a broker that refuses the parking too would leave it there). Fault events are off because they would carry
/// the raw call to wherever faults are published.
/// </summary>
public sealed class CallCapturedConsumerDefinition : ConsumerDefinition<CallCapturedConsumer>
{
    /// <summary>Milliseconds between the retries; the consumer parks on the attempt after the last.</summary>
    public static readonly int[] RetryIntervals = [100, 500, 1_000, 2_000, 5_000];

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
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals(RetryIntervals));
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = 64;
        }
    }
}
