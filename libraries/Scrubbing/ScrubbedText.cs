namespace SlmPlatform.Scrubbing;

/// <summary>Scrubbed text and the entities that were replaced; entity offsets refer to the original text.</summary>
public sealed record ScrubbedText(string Text, IReadOnlyList<EntityMatch> Entities);
