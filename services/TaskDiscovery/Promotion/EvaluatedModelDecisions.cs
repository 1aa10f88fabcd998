using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// The promotion policy's first step for a newly evaluated model: one that reaches the bar, and beats the model serving
/// the task on the same held-out set, enters shadow — unless live calls already had it demoted from this task. Where a
/// model serves the task, its score on the newcomer's test set is asked of training (<see cref="EvaluateModel"/>) and
/// the decision waits, durably, for the answer. A decision's id comes from the newcomer's evaluation event, so a
/// redelivered event is decided once.
/// </summary>
public sealed class EvaluatedModelDecisions(
    PromotionPolicies policies, PromotionStore decisions, TaskSpecialistStore specialists, PromotionChallenges challenges, IModelEvaluations evaluations, PromotionExecutor executor)
{
    /// <summary>Decides now, or asks for the serving model's score and decides when it comes.</summary>
    public async Task ConsiderAsync(ModelEvaluated evaluated, CancellationToken cancellationToken)
    {
        var policy = await policies.ForAsync(evaluated.TenantId, cancellationToken);
        var serving = await specialists.FindAsync(evaluated.TaskId, cancellationToken);
        if (serving is not null && serving.ModelId != evaluated.ModelId && PromotionRules.PassesAlone(policy, evaluated))
        {
            var requestId = PromotionChallenges.RequestIdOf(evaluated, serving.ModelId);
            if (await challenges.OpenAsync(requestId, evaluated, serving.ModelId, cancellationToken))
            {
                await evaluations.RequestAsync(new EvaluateModel(requestId, evaluated.TenantId, serving.ModelId, evaluated.DatasetId), cancellationToken);
            }

            return;
        }

        await DecideAsync(policy, evaluated, serving, null, cancellationToken);
    }

    /// <summary>
    /// Takes the decision a challenge waited for, with the serving model's score (null when training refused to score
    /// it: the model or the dataset is unknown there). An answer to no open challenge changes nothing.
    /// </summary>
    public async Task AnswerAsync(Guid requestId, IncumbentScore? incumbent, CancellationToken cancellationToken)
    {
        if (await challenges.FindOpenAsync(requestId, cancellationToken) is not { } challenger)
        {
            return;
        }

        var serving = await specialists.FindAsync(challenger.TaskId, cancellationToken);
        if (serving is not null && serving.ModelId != challenger.ModelId && PromotionChallenges.RequestIdOf(challenger, serving.ModelId) != requestId)
        {
            // Another model has come to serve the task meanwhile: the newcomer must beat that one.
            await challenges.CloseAsync(requestId, cancellationToken);
            await ConsiderAsync(challenger, cancellationToken);
            return;
        }

        await DecideAsync(await policies.ForAsync(challenger.TenantId, cancellationToken), challenger, serving, incumbent, cancellationToken);
        await challenges.CloseAsync(requestId, cancellationToken);
    }

    private async Task DecideAsync(PromotionPolicy policy, ModelEvaluated evaluated, TaskSpecialist? serving, IncumbentScore? incumbent, CancellationToken cancellationToken)
    {
        var demoted = await decisions.WasDemotedAsync(evaluated.TaskId, evaluated.ModelId, cancellationToken);
        var verdict = PromotionRules.OnEvaluated(policy, evaluated, serving, incumbent, demoted);
        await executor.ApplyAsync(
            DeterministicId.Create("promotion-evaluated", evaluated.EventId.ToString()), evaluated.TenantId, evaluated.TaskId, evaluated.ModelId, policy, verdict, cancellationToken);
    }
}
