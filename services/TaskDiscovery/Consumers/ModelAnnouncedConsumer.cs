using MassTransit;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Consumers;

/// <summary>Learns which tenant owns each model from training's announcements; a redelivery changes nothing.</summary>
public sealed class ModelAnnouncedConsumer(TenantModelStore models) : IConsumer<ModelTrained>, IConsumer<ModelEvaluated>
{
    public Task Consume(ConsumeContext<ModelTrained> context) =>
        models.RememberAsync(context.Message.TenantId, context.Message.ModelId, context.Message.TaskId, context.CancellationToken);

    public Task Consume(ConsumeContext<ModelEvaluated> context) =>
        models.RememberAsync(context.Message.TenantId, context.Message.ModelId, context.Message.TaskId, context.CancellationToken);
}
