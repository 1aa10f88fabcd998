using SlmPlatform.Scrubbing.Recognizers;

namespace SlmPlatform.Scrubbing;

/// <summary>The built-in recognizers, for callers that build a <see cref="TextScrubber"/> without DI.</summary>
public static class DefaultRecognizers
{
    /// <summary>Every built-in recognizer: the structured ones, then names, places and organisations; with the
    /// contextual tagger when <paramref name="contextualTagger"/> is true (off by default, as in the service:
    /// <see cref="ScrubbingOptions.ContextualTagger"/>).</summary>
    public static IReadOnlyList<IRecognizer> Create(bool contextualTagger = false, ContextualTaggerModel model = ContextualTaggerModel.WordWindow) =>
        [.. CreateStructured(), .. CreateNamed(model).Where(r => contextualTagger || r is not ContextualTaggerRecognizer)];

    /// <summary>Recognizers of values with a shape (a checksum, a format, a prefix), each with its context rules.</summary>
    public static IReadOnlyList<IRecognizer> CreateStructured() =>
    [
        new EmailRecognizer(),
        new PhoneNumberRecognizer(),
        new ContextualPhoneNumberRecognizer(),
        new NationalPhoneNumberRecognizer(),
        new CreditCardRecognizer(),
        new IbanRecognizer(),
        new UsSsnRecognizer(),
        new IpAddressRecognizer(),
        new CredentialRecognizer(),
        new SecretRecognizer(),
        new MacAddressRecognizer(),
        new CryptoWalletRecognizer(),
        new HealthAndIdentityRecognizer(),
    ];

    /// <summary>Gazetteer and context recognizers of people, places and organisations (docs/adr/0004), and the token classifier beside them (docs/adr/0006).</summary>
    public static IReadOnlyList<IRecognizer> CreateNamed(ContextualTaggerModel model = ContextualTaggerModel.WordWindow) =>
        [new PersonRecognizer(), new LocationRecognizer(), new StreetAddressRecognizer(), new IntersectionRecognizer(), new OrganizationRecognizer(), new NameTaggerRecognizer(), new ContextualTaggerRecognizer(model: model), new LabelledFieldRecognizer()];

    /// <summary>A scrubber with every built-in recognizer (the contextual tagger as chosen) and typed placeholders.</summary>
    public static TextScrubber CreateScrubber(bool contextualTagger = false, ContextualTaggerModel model = ContextualTaggerModel.WordWindow) =>
        new(Create(contextualTagger, model), new TypedPlaceholderOperator());
}
