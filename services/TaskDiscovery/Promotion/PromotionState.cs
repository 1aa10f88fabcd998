using MassTransit;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// One task's promotion, kept by <see cref="PromotionStateMachine"/> in tasksdb's <c>promotion_state</c>
/// (<see cref="CorrelationId"/> is the task's id): where it stands, the newcomers waiting for the serving model's score
/// on their test set, and how many online checks it has had.
/// </summary>
public sealed class PromotionState : SagaStateMachineInstance
{
    public Guid CorrelationId { get; set; }

    public string CurrentState { get; set; } = "";

    public string TenantId { get; set; } = "";

    public List<PromotionChallenge> Challenges { get; set; } = [];

    /// <summary>The model the policy put in shadow, waiting for serving to deploy it; null when none waits.</summary>
    public PendingDeployment? Deployment { get; set; }

    public long Checks { get; set; }

    public DateTimeOffset? CheckedAt { get; set; }
}

/// <summary>A newly evaluated model waiting for the serving model's score on the same test set (<see cref="EvaluateModel"/>
/// <see cref="RequestId"/>), asked of training at <see cref="AskedAt"/>.</summary>
public sealed record PromotionChallenge(Guid RequestId, Guid IncumbentModelId, ModelEvaluated Challenger, DateTimeOffset AskedAt)
{
    /// <summary>The request that compares the incumbent with the newcomer: one per newcomer's evaluation and incumbent.</summary>
    public static Guid RequestIdOf(ModelEvaluated challenger, Guid incumbentModelId) =>
        DeterministicId.Create("promotion-challenge", challenger.EventId.ToString(), incumbentModelId.ToString());
}

/// <summary>
/// A verdict held until serving answers <see cref="ModelDeployRequested"/> <see cref="RequestId"/>: decision
/// <see cref="DecisionId"/> on <see cref="Model"/>'s evaluation is carried out once the model is deployed to
/// <see cref="Target"/>, and recorded as not applied if the deployment fails.
/// </summary>
public sealed record PendingDeployment(Guid RequestId, Guid DecisionId, ModelEvaluated Model, PromotionVerdict Verdict, string Target, DateTimeOffset RequestedAt);
