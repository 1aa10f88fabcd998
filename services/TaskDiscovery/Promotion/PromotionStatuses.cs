namespace SlmPlatform.TaskDiscovery.Promotion;

public static class PromotionStatuses
{
    /// <summary>What the API shows of a task's promotion saga.</summary>
    public static PromotionStatus Of(PromotionState state) => new(
        state.CurrentState.ToLowerInvariant(),
        [.. state.Challenges.Select(c => new WaitingChallenger(c.Challenger.ModelId, c.IncumbentModelId, c.Challenger.DatasetId, c.AskedAt))],
        state.Checks,
        state.CheckedAt,
        state.Deployment is { } pending ? new WaitingDeployment(pending.Model.ModelId, pending.Target, pending.RequestedAt) : null);
}
