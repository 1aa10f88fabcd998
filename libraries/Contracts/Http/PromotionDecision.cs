namespace SlmPlatform.Contracts.Http;

// The tasks service's promotion API (GET /api/tasks/{id}/promotions and /promotion), as it answers and as the console reads it.

/// <summary>What the promotion policy decided for a task's specialist, why, and on which figures.</summary>
public sealed record PromotionDecision(
    Guid TaskId, Guid ModelId, string Action, bool Applied, string Reason, double? Agreement, double? AgreementLower, long? Examples, DateTimeOffset DecidedAt);

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
