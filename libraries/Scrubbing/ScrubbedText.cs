namespace SlmPlatform.Scrubbing;

/// <summary>
/// Scrubbed text and the entities that were replaced: <see cref="Entities"/>' offsets refer to the original text,
/// <see cref="Replaced"/>'s to the scrubbed one (where each stand-in now sits).
/// </summary>
public sealed record ScrubbedText(string Text, IReadOnlyList<EntityMatch> Entities, IReadOnlyList<ReplacedSpan> Replaced);
