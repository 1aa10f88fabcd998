using MassTransit;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Consumers;

/// <summary>Learns which tenant owns each model, and what deploying it needs, from training's announcements; a redelivery changes nothing.</summary>
public sealed class ModelAnnouncedConsumer(TenantModelStore models) : IConsumer<ModelTrained>, IConsumer<ModelEvaluated>
{
    public Task Consume(ConsumeContext<ModelTrained> context)
    {
        var trained = context.Message;
        return models.RememberAsync(trained.TenantId, trained.ModelId, trained.TaskId, trained.Kind, trained.BaseModel, trained.Artifact?.Key, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ModelEvaluated> context)
    {
        var evaluated = context.Message;
        return models.RememberAsync(evaluated.TenantId, evaluated.ModelId, evaluated.TaskId, evaluated.Kind, null, null, context.CancellationToken);
    }
}
