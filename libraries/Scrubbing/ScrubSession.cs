using System.Text.Json.Nodes;

namespace SlmPlatform.Scrubbing;

/// <summary>
/// Scrubs the documents of one call (its request and its response) for one tenant, so that a placeholder keeps its
/// number across them: <c>&lt;PERSON_1&gt;</c> in the response is the <c>&lt;PERSON_1&gt;</c> of the request.
/// </summary>
/// <remarks>Not thread-safe: one session per call.</remarks>
public sealed class ScrubSession
{
    private readonly TextScrubber _textScrubber;
    private readonly DocumentReplacer _replacer;

    internal ScrubSession(TextScrubber textScrubber, ScrubPolicy policy, string tenantId, ScrubOperator? operatorOverride)
    {
        _textScrubber = textScrubber;
        _replacer = new DocumentReplacer(policy, tenantId, operatorOverride);
    }

    /// <summary>Returns a scrubbed deep copy; <paramref name="document"/> itself is never modified.</summary>
    public ScrubbedDocument Scrub(JsonNode? document)
    {
        var walk = new JsonScrubbingWalk(_textScrubber, _replacer);
        var scrubbed = walk.Visit(document?.DeepClone(), key: null, honourStructuralFields: true);
        return new ScrubbedDocument(scrubbed, walk.Counts, walk.Values);
    }

    /// <summary>Scrubs plain text; entity offsets refer to <paramref name="text"/>.</summary>
    public ScrubbedText ScrubText(string text) => _textScrubber.Scrub(text, _replacer);
}
