namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// A task's promotion as the API shows it: <c>state</c> (unserved, challenging, shadow, canary or full), the newcomers
/// waiting for the serving model's score on their test set, and the online checks it has had.
/// </summary>
public sealed record PromotionStatus(string State, IReadOnlyList<PromotionStatus.WaitingChallenger> Challengers, long Checks, DateTimeOffset? CheckedAt)
{
    public static PromotionStatus Of(PromotionState state) => new(
        state.CurrentState.ToLowerInvariant(),
        [.. state.Challenges.Select(c => new WaitingChallenger(c.Challenger.ModelId, c.IncumbentModelId, c.Challenger.DatasetId, c.AskedAt))],
        state.Checks,
        state.CheckedAt);

    /// <summary>A newcomer that reached the bar alone and waits for <c>incumbent_model_id</c>'s score on <c>dataset_id</c>.</summary>
    public sealed record WaitingChallenger(Guid ModelId, Guid IncumbentModelId, string DatasetId, DateTimeOffset AskedAt);
}
