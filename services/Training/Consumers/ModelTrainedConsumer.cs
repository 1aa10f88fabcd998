using MassTransit;
using SlmPlatform.Training.Workers;

namespace SlmPlatform.Training.Consumers;

/// <summary>
/// Scores every newly trained model as served, on its own dataset's test split, and announces the result. Serving
/// unreachable throws, and the message is retried later: an evaluation never records a model as bad for that. A LoRA
/// adapter is served by Ollama or vLLM once deployed, not by the embedded runtimes: it is evaluated on demand then
/// (<c>POST /api/models/{id}/evaluations</c>).
/// </summary>
public sealed class ModelTrainedConsumer(ServedModelEvaluator evaluator) : IConsumer<ModelTrained>
{
    private static readonly HashSet<string> EmbeddedKinds = new(StringComparer.Ordinal) { "classifier-head", GenerativeJob.Kind };

    public async Task Consume(ConsumeContext<ModelTrained> context)
    {
        var trained = context.Message;
        if (!EmbeddedKinds.Contains(trained.Kind))
        {
            return;
        }

        if (await evaluator.EvaluateAsync(trained.TenantId, trained.ModelId, trained.DatasetId, context.CancellationToken) is not var (model, evaluation))
        {
            return;
        }

        var message = ServedModelEvaluator.ToEvent(trained.TenantId, model, evaluation);
        await context.Publish(message, publish => publish.MessageId = message.EventId, context.CancellationToken);
    }
}
