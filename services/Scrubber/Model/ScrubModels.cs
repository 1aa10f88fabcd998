namespace SlmPlatform.Scrubber.Model;

/// <summary>
/// A request to <c>POST /api/scrub</c>: <see cref="Text"/> or <see cref="Json"/>, not both, and optionally the
/// operator to use for every type instead of the tenant's configured ones.
/// </summary>
public sealed record ScrubRequest(string? Text, JsonElement? Json, string? Operator);

/// <summary>
/// The scrubbed text or JSON, what was replaced by type, and for text input each entity with its offsets in the
/// original text (never the value).
/// </summary>
public sealed record ScrubResponse(string? Text, JsonElement? Json, IReadOnlyList<FoundEntity>? Entities, IReadOnlyDictionary<string, int> Replacements);

/// <summary>An entity found in the text: its type, UTF-16 offsets (end exclusive) and the recognizer's score.</summary>
public sealed record FoundEntity(string Type, int Start, int End, double Score);
