using Microsoft.Extensions.Options;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// Where <see cref="PromotionOptions.DeployTarget"/> is set, a model the policy puts in shadow is first deployed there:
/// the saga asks serving (<see cref="ModelDeployRequested"/>), holds the verdict, and carries it out when serving
/// answers that the model is deployed; a failed deployment is recorded as the reason the verdict was not applied.
/// </summary>
public sealed class PromotionDeployments(
    IOptions<PromotionOptions> options, TenantModelStore models, IModelDeployments deployments, PromotionExecutor executor, PromotionPolicies policies,
    TimeProvider time)
{
    /// <summary>Whether carrying out <paramref name="verdict"/> must wait for a deployment: it puts a model that serves nothing yet in front of calls.</summary>
    public bool MustDeployFirst(PromotionPolicy policy, PromotionVerdict verdict, ModelEvaluated evaluated, TaskSpecialist? serving) =>
        !string.IsNullOrEmpty(options.Value.DeployTarget)
        && policy.Approval == Approvals.Automatic
        && verdict.Action == PromotionActions.Shadow
        && serving?.ModelId != evaluated.ModelId;

    public async Task RequestAsync(PromotionState state, Guid decisionId, ModelEvaluated evaluated, PromotionVerdict verdict, CancellationToken cancellationToken)
    {
        var target = options.Value.DeployTarget!;
        if (await models.FindAsync(evaluated.TenantId, evaluated.ModelId, cancellationToken) is not { ArtifactKey: { } artifact } model)
        {
            await executor.RecordNotAppliedAsync(decisionId, evaluated.TenantId, evaluated.TaskId, evaluated.ModelId, verdict,
                $"it cannot be deployed to {target}: training has not announced its artifact (a model trained before deployments existed: train it again)",
                cancellationToken);
            return;
        }

        var request = new ModelDeployRequested(
            ModelDeployRequested.IdFor(evaluated.TenantId, evaluated.ModelId, target), evaluated.TenantId, evaluated.ModelId, evaluated.TaskId,
            model.Kind ?? evaluated.Kind, model.BaseModel ?? string.Empty, artifact, target);
        state.Deployment = new PendingDeployment(request.EventId, decisionId, evaluated, verdict, target, time.GetUtcNow());
        await deployments.RequestAsync(request, cancellationToken);
    }

    /// <summary>Serving's answer: the held verdict is carried out, or recorded as not applied; an answer for another model changes nothing.</summary>
    public async Task AnsweredAsync(PromotionState state, ModelDeployed deployed, CancellationToken cancellationToken)
    {
        if (state.Deployment is not { } pending || pending.Model.ModelId != deployed.ModelId)
        {
            return;
        }

        state.Deployment = null;
        var model = pending.Model;
        if (deployed.Succeeded)
        {
            var policy = await policies.ForAsync(model.TenantId, cancellationToken);
            await executor.ApplyAsync(pending.DecisionId, model.TenantId, model.TaskId, model.ModelId, policy, pending.Verdict, cancellationToken);
        }
        else
        {
            await executor.RecordNotAppliedAsync(pending.DecisionId, model.TenantId, model.TaskId, model.ModelId, pending.Verdict,
                $"its deployment to {deployed.Target} failed: {deployed.Error}", cancellationToken);
        }
    }

    /// <summary>
    /// Takes a model the policy demoted off the target it was deployed to, where models are deployed at all: no call
    /// is routed to it any more, and a GPU server holds only so many adapters.
    /// </summary>
    public async Task UndeployAsync(string tenantId, Guid modelId, Guid decisionId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(options.Value.DeployTarget)
            || await models.FindAsync(tenantId, modelId, cancellationToken) is not { ArtifactKey: { } artifact } model)
        {
            return;
        }

        var target = options.Value.DeployTarget;
        await deployments.RequestAsync(
            new ModelUndeployRequested(ModelUndeployRequested.IdFor(tenantId, modelId, target, decisionId), tenantId, modelId, model.TaskId,
                model.Kind ?? string.Empty, model.BaseModel ?? string.Empty, artifact, target),
            cancellationToken);
    }

    /// <summary>A deployment unanswered for <see cref="PromotionSteps.AskAgainAfter"/> is asked again: deploying is idempotent.</summary>
    public async Task AskAgainAsync(PromotionState state, CancellationToken cancellationToken)
    {
        if (state.Deployment is { } pending && time.GetUtcNow() - pending.RequestedAt >= PromotionSteps.AskAgainAfter)
        {
            state.Deployment = null;
            await RequestAsync(state, pending.DecisionId, pending.Model, pending.Verdict, cancellationToken);
        }
    }
}
