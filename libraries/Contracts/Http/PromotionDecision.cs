namespace SlmPlatform.Contracts.Http;

// The tasks service's promotion API (GET /api/tasks/{id}/promotions and /promotion), as it answers and as the console reads it.

/// <summary>
/// What the promotion policy decided for a task's specialist, why, and on which figures. Under manual approval a move is
/// only recommended: <see cref="Review"/> is then <c>pending</c> (the task's newest, waiting for a person), <c>approved</c>,
/// <c>rejected</c> or <c>superseded</c> (a later decision came first); null for a decision that needed no review.
/// </summary>
public sealed record PromotionDecision(
    Guid TaskId, Guid ModelId, string Action, bool Applied, string Reason, double? Agreement, double? AgreementLower, long? Examples, DateTimeOffset DecidedAt,
    Guid? DecisionId = null, string? Review = null, DateTimeOffset? ReviewedAt = null);

/// <summary>The policy's actions. A move to a mode, a demotion, or leaving things as they are.</summary>
public static class PromotionActions
{
    public const string Shadow = "shadow";
    public const string Canary = "canary";
    public const string Full = "full";
    public const string Demote = "demote";
    public const string Reject = "reject";
    public const string Keep = "keep";
    public const string Retrain = "retrain";
}

/// <summary>What became of a recommendation made under manual approval.</summary>
public static class PromotionReviews
{
    public const string Pending = "pending";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Superseded = "superseded";
}
