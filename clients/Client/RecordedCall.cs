using Microsoft.Extensions.AI;

namespace SlmPlatform.Client;

/// <summary>One finished call, kept as the agent's own objects until the shipper writes it out in the background.</summary>
internal sealed record RecordedCall(
    string Id,
    string Agent,
    string? Workload,
    DateTimeOffset StartedAt,
    double LatencyMs,
    string Status,
    IReadOnlyList<ChatMessage> Messages,
    ChatOptions? Options,
    ChatResponse? Response,
    bool Stream);
