using MassTransit;
using SlmPlatform.TaskDiscovery.Infrastructure;
using SlmPlatform.TaskDiscovery.Promotion;

namespace SlmPlatform.TaskDiscovery.Consumers;

/// <summary>
/// Adds the gateways' routing tallies to the task's days (a redelivered tally is counted once), then asks the task's
/// promotion to look at its online figures again.
/// </summary>
public sealed class RoutingTalliedConsumer(RoutingDayStore days) : IConsumer<RoutingTallied>
{
    public async Task Consume(ConsumeContext<RoutingTallied> context)
    {
        var tally = context.Message;
        await days.AddAsync(tally, context.CancellationToken);
        await context.Publish(new PromotionCheckDue(tally.TenantId, tally.TaskId), context.CancellationToken);
    }
}
