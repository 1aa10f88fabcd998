namespace SlmPlatform.Scrubbing;

/// <summary>
/// Where a stand-in sits in scrubbed text (offsets into the scrubbed text, not the original), and of what type. A struct:
/// one is made for every entity found, on the scrubber's hot path.
/// </summary>
public readonly record struct ReplacedSpan(string EntityType, int Start, int Length);

/// <summary>The stand-ins in one string value of a scrubbed document, by the value's JSON path (<c>$.messages[1].content</c>).</summary>
public sealed record ReplacedValue(string Path, IReadOnlyList<ReplacedSpan> Spans);
