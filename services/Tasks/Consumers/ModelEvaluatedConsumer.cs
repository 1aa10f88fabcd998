using MassTransit;
using SlmPlatform.Tasks.Infrastructure;
using SlmPlatform.Tasks.Promotion;

namespace SlmPlatform.Tasks.Consumers;

/// <summary>
/// The promotion policy's first step: a newly evaluated model that reaches the bar, and beats the model serving the
/// task on the same held-out set, enters shadow — unless live calls already had it demoted from this task. The
/// decision's id comes from the evaluation event, so a redelivered event is decided once.
/// </summary>
public sealed class ModelEvaluatedConsumer(
    PromotionPolicies policies, PromotionStore decisions, TaskSpecialistStore specialists, IModelEvaluations evaluations, PromotionExecutor executor)
    : IConsumer<ModelEvaluated>
{
    public async Task Consume(ConsumeContext<ModelEvaluated> context)
    {
        var evaluated = context.Message;
        var token = context.CancellationToken;
        var policy = await policies.ForAsync(evaluated.TenantId, token);
        var serving = await specialists.FindAsync(evaluated.TaskId, token);
        var incumbent = serving is not null && serving.ModelId != evaluated.ModelId && PromotionRules.PassesAlone(policy, evaluated)
            ? await evaluations.ScoreOnAsync(evaluated.TenantId, serving.ModelId, evaluated.DatasetId, token)
            : null;

        var demoted = await decisions.WasDemotedAsync(evaluated.TaskId, evaluated.ModelId, token);
        var verdict = PromotionRules.OnEvaluated(policy, evaluated, serving, incumbent, demoted);
        await executor.ApplyAsync(
            DeterministicId.Create("promotion-evaluated", evaluated.EventId.ToString()), evaluated.TenantId, evaluated.TaskId, evaluated.ModelId, policy, verdict, token);
    }
}
