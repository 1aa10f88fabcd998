namespace SlmPlatform.Scrubber.Model;

/// <summary>A call after scrubbing: the only form in which a call is ever stored.</summary>
public sealed record ScrubbedCall(
    string TenantId,
    string CallId,
    string Agent,
    string? Workload,
    DateTimeOffset StartedAt,
    double? LatencyMs,
    string Status,
    string Source,
    string RequestJson,
    string ResponseJson,
    IReadOnlyDictionary<string, int> Replacements,
    DateTimeOffset CapturedAt,
    IReadOnlyList<StandIn> StandIns);
