namespace SlmPlatform.Contracts.Http;

// The tasks service's usage report (GET /api/usage), as it answers and as the console charts it.

/// <summary>
/// The calls captured for one task on one UTC day (by when they started), their tokens, and what the teacher charged
/// for them at the price table's rates. Calls of models the table does not price add tokens but no cost.
/// </summary>
public sealed record UsageDay(DateOnly Day, Guid TaskId, string Name, long Calls, long PromptTokens, long CompletionTokens, decimal Cost);

/// <summary>The tenant's captured calls per day and task over a period; days and tasks without calls are left out.</summary>
public sealed record UsageReport(DateOnly From, DateOnly To, long Calls, decimal Cost, IReadOnlyList<UsageDay> Days);
