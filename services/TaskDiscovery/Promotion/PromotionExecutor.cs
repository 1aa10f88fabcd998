using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// Carries out a verdict under the tenant's policy and records it once: with automatic approval a move changes the
/// routes; with manual approval it is recorded as a recommendation that a person approves (then carried out the same
/// way) or rejects; a verdict that changes nothing is only recorded.
/// </summary>
public sealed partial class PromotionExecutor(SpecialistRouting routing, PromotionStore store, IModelRetraining retraining, ILogger<PromotionExecutor> logger)
{
    /// <summary>Carries out and records the verdict; true when it changed the routes.</summary>
    public async Task<bool> ApplyAsync(
        Guid decisionId, string tenantId, Guid taskId, Guid modelId, PromotionPolicy policy, PromotionVerdict verdict, CancellationToken cancellationToken)
    {
        var moves = IsMove(verdict.Action);
        var act = policy.Approval == Approvals.Automatic && moves;
        var awaitsReview = policy.Approval == Approvals.Manual && moves;
        var reason = verdict.Reason;
        if (act)
        {
            (act, reason) = await CarryOutAsync(decisionId, tenantId, taskId, modelId, policy, verdict.Action, verdict.Threshold, reason, cancellationToken);
        }
        else if (awaitsReview)
        {
            reason = $"Recommended (manual approval): {reason}";
        }

        await RecordAsync(decisionId, tenantId, taskId, modelId, verdict, act, reason, awaitsReview, cancellationToken);
        return act;
    }

    /// <summary>
    /// A person approves the task's pending recommendation: it is carried out as the automatic policy would have, and
    /// marked approved by <paramref name="reviewerKeyId"/>. Nothing changes unless it is the task's pending one.
    /// </summary>
    public async Task<ReviewOutcome> ApproveAsync(
        string tenantId, Guid taskId, Guid decisionId, string reviewerKeyId, PromotionPolicy policy, CancellationToken cancellationToken)
    {
        if (await store.ClaimForReviewAsync(tenantId, taskId, decisionId, PromotionReviews.Approved, reviewerKeyId, cancellationToken) is not { } claimed)
        {
            return await store.FindDecisionAsync(tenantId, taskId, decisionId, cancellationToken) is null ? ReviewOutcome.NotFound : ReviewOutcome.NotPending;
        }

        var (done, reason) = await CarryOutAsync(decisionId, tenantId, taskId, claimed.ModelId, policy, claimed.Action, claimed.Threshold, "", cancellationToken);
        if (!done)
        {
            await store.ReleaseReviewAsync(decisionId, cancellationToken);
            LogApprovalFailed(taskId, decisionId, reason.Trim());
            return ReviewOutcome.NotRoutable;
        }

        if (reason.Length > 0)
        {
            await store.AppendToReasonAsync(decisionId, $"Approved.{reason}", cancellationToken);
        }

        LogReviewed(taskId, claimed.ModelId, claimed.Action, PromotionReviews.Approved);
        return ReviewOutcome.Done;
    }

    /// <summary>A person rejects the task's pending recommendation: recorded, nothing routed.</summary>
    public async Task<ReviewOutcome> RejectAsync(string tenantId, Guid taskId, Guid decisionId, string reviewerKeyId, CancellationToken cancellationToken)
    {
        if (await store.ClaimForReviewAsync(tenantId, taskId, decisionId, PromotionReviews.Rejected, reviewerKeyId, cancellationToken) is not { } claimed)
        {
            return await store.FindDecisionAsync(tenantId, taskId, decisionId, cancellationToken) is null ? ReviewOutcome.NotFound : ReviewOutcome.NotPending;
        }

        LogReviewed(taskId, claimed.ModelId, claimed.Action, PromotionReviews.Rejected);
        return ReviewOutcome.Done;
    }

    /// <summary>Records the verdict as not carried out, and why (a deployment it waited for failed, say).</summary>
    public Task RecordNotAppliedAsync(
        Guid decisionId, string tenantId, Guid taskId, Guid modelId, PromotionVerdict verdict, string why, CancellationToken cancellationToken) =>
        RecordAsync(decisionId, tenantId, taskId, modelId, verdict, false, $"{verdict.Reason} Not applied: {why}.", false, cancellationToken);

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
        if (await store.RecordAsync(decisionId, tenantId, decision, null, false, cancellationToken))
        {
            LogDecided(taskId, modelId, PromotionActions.Retrain, true);
        }
    }

    private static bool IsMove(string action) => action is PromotionActions.Shadow or PromotionActions.Canary or PromotionActions.Full or PromotionActions.Demote;

    /// <summary>Changes the routes as <paramref name="action"/> says; whether it did, and the reason with what happened added.</summary>
    private async Task<(bool Done, string Reason)> CarryOutAsync(
        Guid decisionId, string tenantId, Guid taskId, Guid modelId, PromotionPolicy policy, string action, double? threshold, string reason,
        CancellationToken cancellationToken)
    {
        var outcome = action switch
        {
            PromotionActions.Demote => await routing.DemoteAsync(tenantId, taskId, cancellationToken),
            PromotionActions.Shadow => (await routing.PromoteAsync(tenantId, taskId, modelId, RouteModes.Shadow, null, policy.Sample, threshold, cancellationToken)).Outcome,
            PromotionActions.Canary => (await routing.PromoteAsync(tenantId, taskId, modelId, RouteModes.Canary, policy.CanaryShare, policy.Sample, threshold, cancellationToken)).Outcome,
            _ => (await routing.PromoteAsync(tenantId, taskId, modelId, RouteModes.Full, null, policy.Sample, threshold, cancellationToken)).Outcome,
        };
        if (outcome != RoutingChange.Done)
        {
            return (false, $"{reason} Not applied: {outcome}.");
        }

        if (action == PromotionActions.Demote)
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

        return (true, reason);
    }

    private async Task RecordAsync(
        Guid decisionId, string tenantId, Guid taskId, Guid modelId, PromotionVerdict verdict, bool applied, string reason, bool awaitsReview,
        CancellationToken cancellationToken)
    {
        var decision = new PromotionDecision(taskId, modelId, verdict.Action, applied, reason, verdict.Agreement, verdict.AgreementLower, verdict.Examples, DateTimeOffset.UtcNow);
        if (await store.RecordAsync(decisionId, tenantId, decision, verdict.Threshold, awaitsReview, cancellationToken))
        {
            LogDecided(taskId, modelId, verdict.Action, applied);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion policy: task {TaskId}, model {ModelId}: {Action} (applied: {Applied})")]
    private partial void LogDecided(Guid taskId, Guid modelId, string action, bool applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Promotion review: task {TaskId}, model {ModelId}: {Action} {Review}")]
    private partial void LogReviewed(Guid taskId, Guid modelId, string action, string review);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Promotion review: approving decision {DecisionId} of task {TaskId} changed no route ({Why}); left pending")]
    private partial void LogApprovalFailed(Guid taskId, Guid decisionId, string why);
}
