namespace SlmPlatform.Contracts.Http;

// The calls service's privacy APIs (GET /api/scrub/report, POST /api/erasures, GET /api/erasures/{id}), as it answers
// and as the console reads them.

/// <summary>Replacements by entity type per time bucket, for the caller's tenant, from stored calls.</summary>
public sealed record ScrubReport(DateTimeOffset From, DateTimeOffset To, string Bucket, IReadOnlyList<ScrubReportBucket> Buckets, IReadOnlyDictionary<string, long> Totals);

/// <summary>One bucket: when it starts (UTC), how many calls were stored in it and what was replaced in them.</summary>
public sealed record ScrubReportBucket(DateTimeOffset Start, long Calls, IReadOnlyDictionary<string, long> Replacements);

/// <summary>What to erase: exactly one of one call, an agent's calls, or every call of the tenant.</summary>
public sealed record ErasureRequest(string? CallId, string? Agent, bool? WholeTenant);

/// <summary>
/// An erasure as its report shows it: what each service deleted (summed over the parts), and the services still to
/// report; <c>complete</c> once every service has reported every part.
/// </summary>
public sealed record ErasureStatus(
    Guid Id,
    string Scope,
    string? Target,
    DateTimeOffset RequestedAt,
    string Status,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> Deleted,
    IReadOnlyList<string> WaitingFor);

/// <summary>An erasure's <see cref="ErasureStatus.Scope"/>: one call, an agent's calls, or every call of the tenant.</summary>
public static class ErasureScopes
{
    public const string Call = "call";
    public const string Agent = "agent";
    public const string Tenant = "tenant";
}

/// <summary>An erasure's <see cref="ErasureStatus.Status"/>: complete once every reporting service has reported every part.</summary>
public static class ErasureStates
{
    public const string InProgress = "in_progress";
    public const string Complete = "complete";
}
