namespace SlmPlatform.Contracts.Http;

/// <summary>
/// A task's promotion as the API shows it: <c>state</c> (unserved, challenging, shadow, canary or full), the newcomers
/// waiting for the serving model's score on their test set, the online checks it has had, and — in state deploying —
/// the model being deployed before it is routed.
/// </summary>
public sealed record PromotionStatus(
    string State, IReadOnlyList<WaitingChallenger> Challengers, long Checks, DateTimeOffset? CheckedAt, WaitingDeployment? Deployment = null);

/// <summary>A model the policy put in shadow, waiting for serving to deploy it to <c>target</c> (asked at <c>requested_at</c>).</summary>
public sealed record WaitingDeployment(Guid ModelId, string Target, DateTimeOffset RequestedAt);

/// <summary>A newcomer that reached the bar alone and waits for <c>incumbent_model_id</c>'s score on <c>dataset_id</c>.</summary>
public sealed record WaitingChallenger(Guid ModelId, Guid IncumbentModelId, string DatasetId, DateTimeOffset AskedAt);
