using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// Carries out a verdict under the tenant's policy and records it once: with automatic approval a move changes the
/// routes; with manual approval, or for a verdict that changes nothing, it is only recorded, as a recommendation.
/// </summary>
public sealed partial class PromotionExecutor(SpecialistRouting routing, PromotionStore store, IModelRetraining retraining, ILogger<PromotionExecutor> logger)
{
    /// <summary>Carries out and records the verdict; true when it changed the routes.</summary>
    public async Task<bool> ApplyAsync(
        Guid decisionId, string tenantId, Guid taskId, Guid modelId, PromotionPolicy policy, PromotionVerdict verdict, CancellationToken cancellationToken)
    {
        var act = policy.Approval == Approvals.Automatic && verdict.Action is not (PromotionActions.Keep or PromotionActions.Reject);
        var reason = verdict.Reason;
        if (act)
        {
            var outcome = verdict.Action switch
            {
                PromotionActions.Demote => await routing.DemoteAsync(tenantId, taskId, cancellationToken),
                PromotionActions.Shadow => (await routing.PromoteAsync(tenantId, taskId, modelId, RouteModes.Shadow, null, policy.Sample, verdict.Threshold, cancellationToken)).Outcome,
                PromotionActions.Canary => (await routing.PromoteAsync(tenantId, taskId, modelId, RouteModes.Canary, policy.CanaryShare, policy.Sample, verdict.Threshold, cancellationToken)).Outcome,
                _ => (await routing.PromoteAsync(tenantId, taskId, modelId, RouteModes.Full, null, policy.Sample, verdict.Threshold, cancellationToken)).Outcome,
            };
            act = outcome == RoutingChange.Done;
            reason = act ? reason : $"{reason} Not applied: {outcome}.";
            if (act && verdict.Action == PromotionActions.Demote)
            {
                // Drift: the task's calls have moved away from what the specialist learned; learn them again. The
                // demotion stands either way; a retraining that cannot be asked for is said in the decision's reason.
                try
                {
                    await retraining.RequestAsync(tenantId, taskId, $"retrain-{decisionId:N}", cancellationToken);
                    reason = $"{reason} Retraining requested.";
                }
                catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    reason = $"{reason} Retraining could not be requested ({e.GetType().Name}); start a fine-tune job for the task.";
                }
            }
        }
        else if (policy.Approval == Approvals.Manual && verdict.Action is not (PromotionActions.Keep or PromotionActions.Reject))
        {
            reason = $"Recommended (manual approval): {reason}";
        }

        await RecordAsync(decisionId, tenantId, taskId, modelId, verdict, act, reason, cancellationToken);
        return act;
    }

    /// <summary>Records the verdict as not carried out, and why (a deployment it waited for failed, say).</summary>
    public Task RecordNotAppliedAsync(
        Guid decisionId, string tenantId, Guid taskId, Guid modelId, PromotionVerdict verdict, string why, CancellationToken cancellationToken) =>
        RecordAsync(decisionId, tenantId, taskId, modelId, verdict, false, $"{verdict.Reason} Not applied: {why}.", cancellationToken);

    private async Task RecordAsync(
        Guid decisionId, string tenantId, Guid taskId, Guid modelId, PromotionVerdict verdict, bool applied, string reason, CancellationToken cancellationToken)
    {
        var decision = new PromotionDecision(taskId, modelId, verdict.Action, applied, reason, verdict.Agreement, verdict.AgreementLower, verdict.Examples, DateTimeOffset.UtcNow);
        if (await store.RecordAsync(decisionId, tenantId, decision, cancellationToken))
        {
            LogDecided(taskId, modelId, verdict.Action, applied);
        }
    }

    /// <summary>Asks for a new fine-tune job once per cause, whatever the approval: training changes no route, and the
    /// new model still has to pass the bar and beat the serving one.</summary>
    public async Task RetrainAsync(Guid decisionId, string tenantId, Guid taskId, Guid modelId, string reason, CancellationToken cancellationToken)
    {
        if (await store.HasDecidedAsync(decisionId, cancellationToken))
        {
            return;
        }

        await retraining.RequestAsync(tenantId, taskId, $"retrain-{decisionId:N}", cancellationToken);
        var decision = new PromotionDecision(taskId, modelId, PromotionActions.Retrain, true, reason, null, null, null, DateTimeOffset.UtcNow);
        if (await store.RecordAsync(decisionId, tenantId, decision, cancellationToken))
        {
            LogDecided(taskId, modelId, PromotionActions.Retrain, true);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion policy: task {TaskId}, model {ModelId}: {Action} (applied: {Applied})")]
    private partial void LogDecided(Guid taskId, Guid modelId, string action, bool applied);
}
