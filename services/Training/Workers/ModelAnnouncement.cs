using MassTransit;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Workers;

/// <summary>
/// The <see cref="ModelTrained"/> of a registered model: what serving's registry needs to run it (its artifact, kind
/// and base model) and the held-out figures its trainer measured. Published once the model is registered, then marked
/// in the registry; the job sweeper announces any model left unmarked.
/// </summary>
public static class ModelAnnouncement
{
    public static async Task PublishAsync(
        IPublishEndpoint publisher, ModelRegistry registry, string tenantId, RegisteredModel model, HeldOutFigures figures, CancellationToken cancellationToken)
    {
        var message = Of(tenantId, model, figures);
        await publisher.Publish(message, context => context.MessageId = message.EventId, cancellationToken);
        await registry.MarkAnnouncedAsync(model.Id, cancellationToken);
    }

    public static ModelTrained Of(string tenantId, RegisteredModel model, HeldOutFigures figures) => new(
        DeterministicId.Create("model-trained", model.Id.ToString()), tenantId, model.Id, model.JobId, model.TaskId, model.Kind, model.DatasetId,
        figures.Examples, figures.Accuracy, figures.MacroF1, ServedArtifact(model.Artifacts), model.BaseModel, model.CreatedAt);

    /// <summary>The artifact a server loads: the first one the registry lists with a key (each kind stores one).</summary>
    public static ModelArtifact? ServedArtifact(JsonElement artifacts) =>
        artifacts.ValueKind != JsonValueKind.Object
            ? null
            : artifacts.EnumerateObject()
                .Select(a => a.Value)
                .Where(a => a.ValueKind == JsonValueKind.Object && a.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String)
                .Select(a => new ModelArtifact(a.GetProperty("key").GetString()!, a.TryGetProperty("format", out var format) ? format.GetString() ?? string.Empty : string.Empty))
                .FirstOrDefault();
}

/// <summary>A trainer's own held-out figures (the registry keeps them in the model's metrics, under <c>test</c>).</summary>
public sealed record HeldOutFigures(int Examples, double Accuracy, double MacroF1)
{
    public static HeldOutFigures FromMetrics(JsonElement metrics)
    {
        JsonElement? test = metrics.ValueKind == JsonValueKind.Object && metrics.TryGetProperty("test", out var t) ? t : null;
        var accuracy = JsonNumbers.Number(test, "accuracy") ?? 0;
        return new((int)(JsonNumbers.Number(test, "n") ?? 0), accuracy, JsonNumbers.Number(test, "macro_f1") ?? accuracy);
    }
}
