using MassTransit;
using SlmPlatform.Serving.Infrastructure;

namespace SlmPlatform.Serving.Consumers;

/// <summary>
/// Keeps serving's registry: every trained model with an artifact becomes servable under its id. An announcement
/// without an artifact (published before events carried one) names nothing to load, and is logged and dropped.
/// </summary>
public sealed partial class ModelTrainedConsumer(ISpecialistSource registry, TimeProvider time, ILogger<ModelTrainedConsumer> logger) : IConsumer<ModelTrained>
{
    public async Task Consume(ConsumeContext<ModelTrained> context)
    {
        var trained = context.Message;
        if (trained.Artifact is not { } artifact)
        {
            LogNoArtifact(trained.ModelId);
            return;
        }

        await registry.RememberAsync(
            new SpecialistDescriptor(trained.ModelId, trained.TenantId, trained.TaskId, trained.Kind, artifact.Key, artifact.Format,
                trained.RegisteredAt ?? time.GetUtcNow(), trained.BaseModel),
            context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {ModelId} was announced without an artifact; serving cannot run it.")]
    private partial void LogNoArtifact(Guid modelId);
}
