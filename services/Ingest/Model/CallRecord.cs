namespace SlmPlatform.Ingest.Model;

/// <summary>A validated call record, in either accepted format, before it goes on the bus.</summary>
public sealed record CallRecord(
    string Id,
    string Agent,
    string? Workload,
    DateTimeOffset StartedAt,
    double? LatencyMs,
    string Status,
    string Source,
    JsonElement Request,
    JsonElement Response);
