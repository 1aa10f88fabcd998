using System.Text.Json;

namespace SlmPlatform.Contracts;

/// <summary>
/// An agent's LLM call as it was made, unscrubbed. Only the scrubber consumes it; nothing may store or log its
/// request or response. <see cref="CaptureId"/> is derived from the tenant and the call id, so a repeated capture
/// of the same call carries the same id.
/// </summary>
public sealed record CallCaptured(
    Guid CaptureId,
    string TenantId,
    string CallId,
    string Agent,
    string? Workload,
    DateTimeOffset StartedAt,
    double? LatencyMs,
    string Status,
    string Source,
    JsonElement Request,
    JsonElement Response,
    DateTimeOffset CapturedAt);
