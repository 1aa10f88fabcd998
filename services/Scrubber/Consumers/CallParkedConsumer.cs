using MassTransit;
using SlmPlatform.Scrubber.Infrastructure;

namespace SlmPlatform.Scrubber.Consumers;

/// <summary>Keeps a parked call, sealed, until it is replayed or expires.</summary>
public sealed class CallParkedConsumer(ParkedCallStore parked) : IConsumer<CallParked>
{
    public Task Consume(ConsumeContext<CallParked> context) => parked.AddAsync(context.Message, context.CancellationToken);
}
