using MassTransit;
using Npgsql;
using SlmPlatform.Training.Infrastructure;
using SlmPlatform.Training.Workers;

namespace SlmPlatform.Training.Consumers;

/// <summary>
/// Scores a model as served on the dataset the command names and answers with the evaluation, or with a refusal when
/// the model or the dataset cannot be scored. Serving away throws, and the command is retried: a refusal is never sent
/// for that, so the promotion policy never decides on a missing score it could have had. The pair is scored under its
/// <see cref="EvaluationLease"/>, one scoring at a time across replicas.
/// </summary>
public sealed class EvaluateModelConsumer(ServedModelEvaluator evaluator, NpgsqlDataSource trainingDb) : IConsumer<EvaluateModel>
{
    public async Task Consume(ConsumeContext<EvaluateModel> context)
    {
        var command = context.Message;
        string reason;
        try
        {
            await using var lease = await EvaluationLease.TakeAsync(trainingDb, command.ModelId, command.DatasetId, context.CancellationToken);
            if (await evaluator.EvaluateAsync(command.TenantId, command.ModelId, command.DatasetId, context.CancellationToken) is var (model, evaluation))
            {
                var evaluated = ServedModelEvaluator.ToEvent(command.TenantId, model, evaluation, command.CommandId);
                await context.Publish(evaluated, publish => publish.MessageId = evaluated.EventId, context.CancellationToken);
                return;
            }

            reason = $"Model {command.ModelId} is not in the tenant's registry.";
        }
        catch (ArgumentException e)
        {
            reason = e.Message;
        }

        var refused = new ModelEvaluationRefused(
            DeterministicId.Create("model-evaluation-refused", command.CommandId.ToString()), command.TenantId, command.CommandId, command.ModelId, command.DatasetId, reason, command.TaskId);
        await context.Publish(refused, publish => publish.MessageId = refused.EventId, context.CancellationToken);
    }
}
