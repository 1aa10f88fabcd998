namespace SlmPlatform.Contracts;

/// <summary>
/// A call was scrubbed and stored. Carries its ids, call site, the scrubber's replacement counts and its facts —
/// including the scrubbed request text that task discovery embeds (<see cref="CallFacts.RequestText"/>); never raw
/// text. <see cref="EventId"/> is the same on every redelivery, so consumers can drop duplicates.
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
