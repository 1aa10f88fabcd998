using System.Text.Json;

namespace SlmPlatform.Contracts.Http;

// The scrubber's calls API (GET /api/calls, POST /api/calls/lookup), as it answers and as other services read it.

/// <summary>A scrubbed call as the calls API returns it. <see cref="Replacements"/> counts what was replaced, by type.</summary>
public sealed record StoredCall(
    string Id,
    string Agent,
    string? Workload,
    DateTimeOffset StartedAt,
    double? LatencyMs,
    string Status,
    string Source,
    JsonElement Request,
    JsonElement Response,
    IReadOnlyDictionary<string, int> Replacements,
    DateTimeOffset CapturedAt,
    DateTimeOffset StoredAt);

/// <summary>One page of calls; pass <see cref="Next"/> as <c>after</c> to get the following page.</summary>
public sealed record CallPage(IReadOnlyList<StoredCall> Items, string? Next);


/// <summary>The ids of the calls wanted.</summary>
public sealed record CallLookup(IReadOnlyList<string>? Ids);

/// <summary>The calls found, in the order asked for.</summary>
public sealed record CallLookupResult(IReadOnlyList<StoredCall> Items);
