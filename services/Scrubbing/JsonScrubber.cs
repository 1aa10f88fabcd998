using System.Text.Json.Nodes;

namespace SlmPlatform.Scrubbing;

/// <summary>
/// Scrubs every string (and PII-looking number) in a JSON document, such as an OpenAI chat-completions request or
/// response, keeping the document's shape.
/// </summary>
/// <remarks>
/// The rules (what is skipped, how JSON held in strings and numbers are treated) are in <see cref="JsonScrubbingWalk"/>
/// and <see cref="StructuralFields"/>. Property names are not scrubbed.
/// </remarks>
public sealed class JsonScrubber(TextScrubber textScrubber)
{
    /// <summary>Returns a scrubbed deep copy; <paramref name="document"/> itself is never modified.</summary>
    public ScrubbedDocument Scrub(JsonNode? document)
    {
        var walk = new JsonScrubbingWalk(textScrubber);
        var scrubbed = walk.Visit(document?.DeepClone(), key: null, honourStructuralFields: true);
        return new ScrubbedDocument(scrubbed, walk.Counts);
    }
}
