using MassTransit;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Consumers;

/// <summary>Erases the datasets that hold erased calls and reports it to the calls service.</summary>
public sealed class CallsErasedConsumer(DatasetErasure erasure, TimeProvider time) : IConsumer<CallsErased>
{
    public async Task Consume(ConsumeContext<CallsErased> context)
    {
        var erased = context.Message;
        var deleted = await erasure.EraseAsync(erased.TenantId, erased.CallIds, context.CancellationToken);
        var completed = ErasureReport.Completed(erased, DatasetErasure.Service, deleted, time.GetUtcNow());
        await context.Publish(completed, publish => publish.MessageId = completed.EventId, context.CancellationToken);
    }
}
