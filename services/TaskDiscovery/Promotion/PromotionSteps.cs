using System.Globalization;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// What <see cref="PromotionStateMachine"/> does for each message, under the task's saga lock. A newly evaluated model
/// that reaches the bar and beats the model serving the task on the same held-out set enters shadow, unless live calls
/// already had it demoted from this task; where a model serves, its score on the newcomer's test set is asked of
/// training and the newcomer waits in the saga for the answer. A check moves a promoted specialist on by its online
/// agreement since it took its mode, demotes it, or asks for retraining when the task has grown or the teacher answers
/// with new labels. Every decision's id comes from what it was decided on, so a redelivered message decides nothing twice.
/// </summary>
public sealed class PromotionSteps(
    PromotionPolicies policies, PromotionStore decisions, TaskSpecialistStore specialists, TaskStore tasks, SpecialistRouting routing,
    IModelEvaluations evaluations, PromotionExecutor executor, PromotionDeployments deployments, TimeProvider time)
{
    /// <summary>A challenge unanswered this long is asked again: the command or its answer may have been lost with a broker.</summary>
    public static readonly TimeSpan AskAgainAfter = TimeSpan.FromMinutes(15);

    public async Task<PromotionStage> EvaluatedAsync(PromotionState state, ModelEvaluated evaluated, CancellationToken cancellationToken)
    {
        state.TenantId = evaluated.TenantId;
        if (evaluated.RequestId is { } requestId)
        {
            await AnswerAsync(state, requestId, new IncumbentScore(evaluated.Agreement, evaluated.AgreementLower, evaluated.RiskCoverage), cancellationToken);
        }
        else
        {
            await ConsiderAsync(state, evaluated, cancellationToken);
        }

        return await StageAsync(state, cancellationToken);
    }

    /// <summary>Training could not score the serving model (unknown there): the newcomer is decided without that score.</summary>
    public async Task<PromotionStage> RefusedAsync(PromotionState state, ModelEvaluationRefused refused, CancellationToken cancellationToken)
    {
        await AnswerAsync(state, refused.RequestId, null, cancellationToken);
        return await StageAsync(state, cancellationToken);
    }

    /// <summary>Serving deployed (or failed to deploy) the model the task's promotion waits for.</summary>
    public async Task<PromotionStage> DeployedAsync(PromotionState state, ModelDeployed deployed, CancellationToken cancellationToken)
    {
        await deployments.AnsweredAsync(state, deployed, cancellationToken);
        return await StageAsync(state, cancellationToken);
    }

    public async Task<PromotionStage> CheckAsync(PromotionState state, PromotionCheckDue due, CancellationToken cancellationToken)
    {
        state.TenantId = due.TenantId;
        state.Checks++;
        state.CheckedAt = time.GetUtcNow();
        await AskAgainAsync(state, cancellationToken);
        await deployments.AskAgainAsync(state, cancellationToken);
        if (await specialists.FindAsync(state.CorrelationId, cancellationToken) is { } specialist)
        {
            await CheckOnlineAsync(state, specialist, cancellationToken);
        }

        return await StageAsync(state, cancellationToken);
    }

    private async Task ConsiderAsync(PromotionState state, ModelEvaluated evaluated, CancellationToken cancellationToken)
    {
        var policy = await policies.ForAsync(evaluated.TenantId, cancellationToken);
        var serving = await specialists.FindAsync(evaluated.TaskId, cancellationToken);
        if (serving is not null && serving.ModelId != evaluated.ModelId && PromotionRules.PassesAlone(policy, evaluated))
        {
            var requestId = PromotionChallenge.RequestIdOf(evaluated, serving.ModelId);
            if (state.Challenges.Find(c => c.RequestId == requestId) is not { } challenge)
            {
                challenge = new PromotionChallenge(requestId, serving.ModelId, evaluated, time.GetUtcNow());
                state.Challenges.Add(challenge);
            }

            // A redelivered newcomer asks again: at least once, and the answer is taken once.
            await AskAsync(challenge, cancellationToken);
            return;
        }

        await DecideAsync(state, policy, evaluated, serving, null, cancellationToken);
    }

    /// <summary>Takes the decision a challenge waited for; an answer to no open challenge changes nothing.</summary>
    private async Task AnswerAsync(PromotionState state, Guid requestId, IncumbentScore? incumbent, CancellationToken cancellationToken)
    {
        if (state.Challenges.Find(c => c.RequestId == requestId) is not { } challenge)
        {
            return;
        }

        state.Challenges.Remove(challenge);
        var challenger = challenge.Challenger;
        var serving = await specialists.FindAsync(challenger.TaskId, cancellationToken);
        if (serving is not null && serving.ModelId != challenger.ModelId && serving.ModelId != challenge.IncumbentModelId)
        {
            // Another model has come to serve the task meanwhile: the newcomer must beat that one.
            await ConsiderAsync(state, challenger, cancellationToken);
            return;
        }

        await DecideAsync(state, await policies.ForAsync(challenger.TenantId, cancellationToken), challenger, serving, incumbent, cancellationToken);
    }

    private async Task AskAgainAsync(PromotionState state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        for (var i = 0; i < state.Challenges.Count; i++)
        {
            if (now - state.Challenges[i].AskedAt >= AskAgainAfter)
            {
                state.Challenges[i] = state.Challenges[i] with { AskedAt = now };
                await AskAsync(state.Challenges[i], cancellationToken);
            }
        }
    }

    private Task AskAsync(PromotionChallenge challenge, CancellationToken cancellationToken) =>
        evaluations.RequestAsync(
            new EvaluateModel(challenge.RequestId, challenge.Challenger.TenantId, challenge.IncumbentModelId, challenge.Challenger.DatasetId, challenge.Challenger.TaskId),
            cancellationToken);

    private async Task DecideAsync(
        PromotionState state, PromotionPolicy policy, ModelEvaluated evaluated, TaskSpecialist? serving, IncumbentScore? incumbent, CancellationToken cancellationToken)
    {
        var demoted = await decisions.WasDemotedAsync(evaluated.TaskId, evaluated.ModelId, cancellationToken);
        var verdict = PromotionRules.OnEvaluated(policy, evaluated, serving, incumbent, demoted);
        var decisionId = DeterministicId.Create("promotion-evaluated", evaluated.EventId.ToString());
        if (deployments.MustDeployFirst(policy, verdict, evaluated, serving))
        {
            await deployments.RequestAsync(state, decisionId, evaluated, verdict, cancellationToken);
            return;
        }

        await executor.ApplyAsync(decisionId, evaluated.TenantId, evaluated.TaskId, evaluated.ModelId, policy, verdict, cancellationToken);
    }

    private async Task CheckOnlineAsync(PromotionState state, TaskSpecialist specialist, CancellationToken cancellationToken)
    {
        var (tenantId, taskId) = (state.TenantId, state.CorrelationId);
        var policy = await policies.ForAsync(tenantId, cancellationToken);
        var (compared, agreed) = await routing.OnlineSinceAsync(tenantId, taskId, specialist, cancellationToken);
        if (PromotionRules.OnOnline(policy, specialist, compared, agreed) is { } verdict)
        {
            var decided = string.Join('/', taskId, specialist.ModelId, specialist.Mode, specialist.PromotedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), verdict.Action);
            var decisionId = DeterministicId.Create("promotion-online", decided);
            var applied = await executor.ApplyAsync(decisionId, tenantId, taskId, specialist.ModelId, policy, verdict, cancellationToken);
            if (verdict.Action == PromotionActions.Demote)
            {
                if (applied)
                {
                    await deployments.UndeployAsync(tenantId, specialist.ModelId, decisionId, cancellationToken);
                }

                return;
            }
        }

        if (await tasks.FindAsync(tenantId, taskId, cancellationToken) is { } task
            && RetrainingRules.Check(policy, specialist, task.Task.Calls, task.Labels) is var (cause, reason))
        {
            var retrainId = DeterministicId.Create("promotion-retrain", taskId.ToString(), specialist.ModelId.ToString(), cause);
            await executor.RetrainAsync(retrainId, tenantId, taskId, specialist.ModelId, reason, cancellationToken);
        }
    }

    private async Task<PromotionStage> StageAsync(PromotionState state, CancellationToken cancellationToken) =>
        state.Challenges.Count > 0 ? PromotionStage.Challenging
            : state.Deployment is not null ? PromotionStage.Deploying
            : (await specialists.FindAsync(state.CorrelationId, cancellationToken))?.Mode switch
            {
                RouteModes.Shadow => PromotionStage.Shadow,
                RouteModes.Canary => PromotionStage.Canary,
                RouteModes.Full => PromotionStage.Full,
                _ => PromotionStage.Unserved,
            };
}
