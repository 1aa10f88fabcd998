namespace SlmPlatform.Contracts;

/// <summary>
/// A call was scrubbed and stored. Carries references and counts only; the text lives in the calls database.
/// <see cref="EventId"/> is the same on every redelivery, so consumers can drop duplicates.
/// </summary>
public sealed record CallScrubbed(
    Guid EventId,
    string TenantId,
    string CallId,
    string Agent,
    string? Workload,
    DateTimeOffset StartedAt,
    IReadOnlyDictionary<string, int> Replacements,
    CallFacts? Facts = null);
