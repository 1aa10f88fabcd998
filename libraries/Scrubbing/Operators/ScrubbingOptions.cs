namespace SlmPlatform.Scrubbing;

/// <summary>The <c>Scrubbing</c> configuration section: the surrogate key and the operators per type and per tenant.</summary>
/// <example>
/// <code>
/// "Scrubbing": {
///   "SurrogateKey": "…from a secret store…",
///   "DefaultOperator": "Surrogate",
///   "Operators": { "CREDENTIAL": "Drop" },
///   "Tenants": { "acme": { "DefaultOperator": "Placeholder", "Operators": { "LOCATION": "Surrogate" } } }
/// }
/// </code>
/// </example>
public sealed class ScrubbingOptions
{
    public const string SectionName = "Scrubbing";

    /// <summary>
    /// DEVELOPMENT ONLY. Anyone holding the key can test guesses against surrogates and hashes, so every deployment
    /// must set <c>Scrubbing:SurrogateKey</c> from a secret store.
    /// </summary>
    public const string DevelopmentSurrogateKey = "development-only-surrogate-key--set-Scrubbing:SurrogateKey";

    public string SurrogateKey { get; set; } = DevelopmentSurrogateKey;

    /// <summary>
    /// Whether the contextual tagger (<see cref="Recognizers.ContextualTaggerRecognizer"/>) reads what the rules and
    /// lists left. On, far fewer names leave the scrubber verbatim (docs/scrubbing.md) at somewhat lower precision.
    /// </summary>
    public bool ContextualTagger { get; set; }

    /// <summary>The model the contextual tagger reads with (docs/adr/0011): the word-window network (microseconds a
    /// token) or the MiniLM encoder (milliseconds a sentence, 90 MB more memory).</summary>
    public ContextualTaggerModel ContextualModel { get; set; } = ContextualTaggerModel.WordWindow;

    public ScrubOperator DefaultOperator { get; set; } = ScrubOperator.Surrogate;

    /// <summary>Operators by entity type (<see cref="EntityTypes"/>), over <see cref="DefaultOperator"/>.</summary>
    public Dictionary<string, ScrubOperator> Operators { get; } = new(StringComparer.Ordinal);

    /// <summary>Per-tenant settings, over the ones above.</summary>
    public Dictionary<string, TenantScrubbingOptions> Tenants { get; } = new(StringComparer.Ordinal);
}

public sealed class TenantScrubbingOptions
{
    public ScrubOperator? DefaultOperator { get; set; }

    public Dictionary<string, ScrubOperator> Operators { get; } = new(StringComparer.Ordinal);
}
