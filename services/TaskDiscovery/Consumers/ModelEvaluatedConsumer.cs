using MassTransit;
using SlmPlatform.TaskDiscovery.Promotion;

namespace SlmPlatform.TaskDiscovery.Consumers;

/// <summary>
/// Evaluations for the promotion policy: a newly evaluated model is considered for shadow; an evaluation or a refusal
/// that answers an <see cref="EvaluateModel"/> (it carries the request's id) settles the challenge that waited for it.
/// </summary>
public sealed class ModelEvaluatedConsumer(EvaluatedModelDecisions decisions) : IConsumer<ModelEvaluated>, IConsumer<ModelEvaluationRefused>
{
    public Task Consume(ConsumeContext<ModelEvaluated> context)
    {
        var evaluated = context.Message;
        return evaluated.RequestId is { } requestId
            ? decisions.AnswerAsync(requestId, new IncumbentScore(evaluated.Agreement, evaluated.AgreementLower, evaluated.RiskCoverage), context.CancellationToken)
            : decisions.ConsiderAsync(evaluated, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<ModelEvaluationRefused> context) =>
        decisions.AnswerAsync(context.Message.RequestId, null, context.CancellationToken);
}
