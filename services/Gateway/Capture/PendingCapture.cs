namespace SlmPlatform.Gateway.Capture;

/// <summary>
/// A finished call, as the request path hands it over: raw bytes only, so that no parsing or serialising happens
/// while the agent waits. For streams (<see cref="IsStream"/>), <see cref="Response"/> holds the events as a JSON array, assembled later.
/// </summary>
public sealed record PendingCapture(
    string TenantId,
    string CallId,
    CallSite CallSite,
    DateTimeOffset StartedAt,
    double LatencyMs,
    string Status,
    ReadOnlyMemory<byte> Request,
    ReadOnlyMemory<byte> Response,
    bool IsStream);
