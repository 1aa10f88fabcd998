using System.Text.Json.Nodes;

namespace SlmPlatform.Scrubbing;

/// <summary>A scrubbed copy of a JSON document and how many entities of each type were replaced (never the values).</summary>
public sealed record ScrubbedDocument(JsonNode? Document, IReadOnlyDictionary<string, int> Replacements);
