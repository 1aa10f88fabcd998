using MassTransit;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Consumers;

/// <summary>Adds the gateways' routing tallies to the task's days; a redelivered tally is counted once.</summary>
public sealed class RoutingTalliedConsumer(RoutingDayStore days) : IConsumer<RoutingTallied>
{
    public Task Consume(ConsumeContext<RoutingTallied> context) => days.AddAsync(context.Message, context.CancellationToken);
}
