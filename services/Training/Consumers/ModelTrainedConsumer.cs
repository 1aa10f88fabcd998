using MassTransit;
using Npgsql;
using SlmPlatform.Training.Infrastructure;
using SlmPlatform.Training.Workers;

namespace SlmPlatform.Training.Consumers;

/// <summary>
/// Scores every newly trained model as served, on its own dataset's test split, and announces the result. Serving
/// unreachable, or not yet holding the model in its registry (it learns of it from the same event), throws, and the
/// message is retried later: an evaluation never records a model as bad for that. A model already scored on its own
/// dataset (the event redelivered, or announced again by the sweeper) is not scored twice: its stored evaluation is
/// announced again, under the same event id; the <see cref="EvaluationLease"/> makes a second delivery wait for the
/// first one's result rather than score beside it (on another replica, say). A LoRA adapter is served by Ollama or vLLM once deployed, not by the
/// embedded runtimes: it is evaluated on demand then (<c>POST /api/models/{id}/evaluations</c>).
/// </summary>
public sealed class ModelTrainedConsumer(ServedModelEvaluator evaluator, ModelRegistry registry, EvaluationStore evaluations, NpgsqlDataSource trainingDb)
    : IConsumer<ModelTrained>
{
    private static readonly HashSet<string> EmbeddedKinds = new(StringComparer.Ordinal) { "classifier-head", GenerativeJob.Kind };

    public async Task Consume(ConsumeContext<ModelTrained> context)
    {
        var trained = context.Message;
        var token = context.CancellationToken;
        if (!EmbeddedKinds.Contains(trained.Kind))
        {
            return;
        }

        await using var lease = await EvaluationLease.TakeAsync(trainingDb, trained.ModelId, trained.DatasetId, token);
        var earlier = (await evaluations.ListAsync(trained.TenantId, trained.ModelId, token)).FirstOrDefault(e => e.DatasetId == trained.DatasetId);
        var scored = earlier is not null && await registry.FindAsync(trained.TenantId, trained.ModelId, token) is { } model
            ? (model, earlier)
            : await evaluator.EvaluateAsync(trained.TenantId, trained.ModelId, trained.DatasetId, token);
        if (scored is not var (registered, evaluation))
        {
            return;
        }

        var message = ServedModelEvaluator.ToEvent(trained.TenantId, registered, evaluation);
        await context.Publish(message, publish => publish.MessageId = message.EventId, token);
    }
}
