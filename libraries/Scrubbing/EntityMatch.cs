namespace SlmPlatform.Scrubbing;

/// <summary>A span of <c>text</c> that a recognizer believes holds an entity; offsets refer to the text it was given.</summary>
public sealed record EntityMatch(string EntityType, int Start, int Length, double Score)
{
    public int End => Start + Length;
}
