using System.Text.Json;

namespace SlmPlatform.Contracts.Http;

// The scrubber's calls API (GET /api/calls, POST /api/calls/lookup), as it answers and as other services read it.

/// <summary>
/// A scrubbed call as the calls API returns it. <see cref="Replacements"/> counts what was replaced, by type;
/// <see cref="StandIns"/> says where each stand-in sits (null for a call stored before that was kept).
/// </summary>
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
    DateTimeOffset StoredAt,
    IReadOnlyList<StandIn>? StandIns = null);

/// <summary>
/// A stand-in in a stored call: in its <c>request</c> or <c>response</c> (<see cref="Document"/>), in the string value
/// at <see cref="Path"/> (<c>$.messages[1].content</c>), <see cref="Length"/> characters from <see cref="Start"/>, standing
/// in for a value of <see cref="EntityType"/>.
/// </summary>
public sealed record StandIn(string Document, string Path, string EntityType, int Start, int Length)
{
    public const string Request = "request";
    public const string Response = "response";
}

/// <summary>One page of calls; pass <see cref="Next"/> as <c>after</c> to get the following page.</summary>
public sealed record CallPage(IReadOnlyList<StoredCall> Items, string? Next);


/// <summary>The ids of the calls wanted.</summary>
public sealed record CallLookup(IReadOnlyList<string>? Ids);

/// <summary>The calls found, in the order asked for.</summary>
public sealed record CallLookupResult(IReadOnlyList<StoredCall> Items);
