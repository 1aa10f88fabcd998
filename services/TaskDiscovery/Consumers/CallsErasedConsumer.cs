using MassTransit;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Consumers;

/// <summary>Erases what task discovery derived from the erased calls and reports it to the calls service.</summary>
public sealed class CallsErasedConsumer(CallErasure erasure, TimeProvider time) : IConsumer<CallsErased>
{
    public async Task Consume(ConsumeContext<CallsErased> context)
    {
        var erased = context.Message;
        var deleted = await erasure.EraseAsync(erased.TenantId, erased.CallIds, context.CancellationToken);
        var completed = ErasureReport.Completed(erased, CallErasure.Service, deleted, time.GetUtcNow());
        await context.Publish(completed, publish => publish.MessageId = completed.EventId, context.CancellationToken);
    }
}
