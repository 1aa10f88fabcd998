using MassTransit;
using Microsoft.Extensions.Options;
using SlmPlatform.Scrubber.Infrastructure;

namespace SlmPlatform.Scrubber.Consumers;

/// <summary>
/// Retries in place: a call that fails for an unknown reason is retried a few times over about 9 s and then parked
/// sealed by the consumer (<see cref="CallParked"/>); one that fails because the database is away (a restart, a
/// failover, a partition) goes on being retried (<see cref="DatabaseOutageOptions"/>: every 10 s for 25 minutes), so
/// that it is stored when the database returns instead of waiting in the parked list for an operator. Either way no
/// raw call reaches the <c>scrubber_error</c> queue: what the consumer cannot settle (a capture that cannot even be read,
/// or one whose parking the broker refused) is parked sealed by the error pipe instead (<see cref="SealedParkingFilter"/>).
/// Fault events are off because they would carry the raw call to wherever faults are published.
/// </summary>
public sealed class CallCapturedConsumerDefinition : ConsumerDefinition<CallCapturedConsumer>
{
    /// <summary>Milliseconds between the retries of a call that fails for any reason; then it is parked, unless the database is away.</summary>
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
        endpointConfigurator.ConfigureError(error => error.UseFilter(new SealedParkingFilter(context)));
        var outage = context.GetRequiredService<IOptions<DatabaseOutageOptions>>().Value;
        endpointConfigurator.UseMessageRetry(retry => retry.Intervals([.. RetryIntervals, .. outage.RetryIntervals()]));
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = 64;
        }
    }
}
