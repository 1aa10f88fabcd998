namespace SlmPlatform.Contracts.Http;

/// <summary>
/// A task's promotion as the API shows it: <c>state</c> (unserved, challenging, shadow, canary or full), the newcomers
/// waiting for the serving model's score on their test set, and the online checks it has had.
/// </summary>
public sealed record PromotionStatus(string State, IReadOnlyList<WaitingChallenger> Challengers, long Checks, DateTimeOffset? CheckedAt);

/// <summary>A newcomer that reached the bar alone and waits for <c>incumbent_model_id</c>'s score on <c>dataset_id</c>.</summary>
public sealed record WaitingChallenger(Guid ModelId, Guid IncumbentModelId, string DatasetId, DateTimeOffset AskedAt);
