using System.Text.Json.Nodes;

namespace SlmPlatform.Scrubbing;

/// <summary>
/// A scrubbed copy of a JSON document, how many entities of each type were replaced (never the values), and where the
/// stand-ins sit in its plain string values (not inside JSON held in a string, nor in numbers).
/// </summary>
public sealed record ScrubbedDocument(JsonNode? Document, IReadOnlyDictionary<string, int> Replacements, IReadOnlyList<ReplacedValue> Values);
