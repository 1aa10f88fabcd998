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
public sealed class JsonScrubber(TextScrubber textScrubber, ScrubPolicy policy)
{
    /// <summary>A scrubber with the built-in policy (surrogates, development key) for its tenant overloads.</summary>
    public JsonScrubber(TextScrubber textScrubber)
        : this(textScrubber, ScrubPolicy.Default)
    {
    }

    /// <summary>
    /// Returns a scrubbed deep copy with the text scrubber's own operator (typed placeholders by default);
    /// <paramref name="document"/> itself is never modified.
    /// </summary>
    public ScrubbedDocument Scrub(JsonNode? document)
    {
        var walk = new JsonScrubbingWalk(textScrubber, replacement: null);
        var scrubbed = walk.Visit(document?.DeepClone(), key: null, honourStructuralFields: true);
        return new ScrubbedDocument(scrubbed, walk.Counts, walk.Values);
    }

    /// <summary>
    /// Returns a scrubbed deep copy with the operators configured for <paramref name="tenantId"/> (surrogates unless
    /// configured otherwise), or <paramref name="operatorOverride"/> for every type when given.
    /// </summary>
    public ScrubbedDocument Scrub(JsonNode? document, string tenantId, ScrubOperator? operatorOverride = null) =>
        StartSession(tenantId, operatorOverride).Scrub(document);

    /// <summary>Scrubs plain text with the tenant's operators; entity offsets refer to <paramref name="text"/>.</summary>
    public ScrubbedText ScrubText(string text, string tenantId, ScrubOperator? operatorOverride = null) =>
        StartSession(tenantId, operatorOverride).ScrubText(text);

    /// <summary>A session for several documents of one call, sharing placeholder numbers.</summary>
    public ScrubSession StartSession(string tenantId, ScrubOperator? operatorOverride = null)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        return new ScrubSession(textScrubber, policy, tenantId, operatorOverride);
    }
}
