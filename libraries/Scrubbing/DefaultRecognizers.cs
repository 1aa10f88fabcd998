using SlmPlatform.Scrubbing.Recognizers;

namespace SlmPlatform.Scrubbing;

/// <summary>The built-in recognizers, for callers that build a <see cref="TextScrubber"/> without DI.</summary>
public static class DefaultRecognizers
{
    /// <summary>Every built-in recognizer: the structured ones, then names, places and organisations.</summary>
    public static IReadOnlyList<IRecognizer> Create() => [.. CreateStructured(), .. CreateNamed()];

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
    public static IReadOnlyList<IRecognizer> CreateNamed() =>
        [new PersonRecognizer(), new LocationRecognizer(), new StreetAddressRecognizer(), new IntersectionRecognizer(), new OrganizationRecognizer(), new NameTaggerRecognizer(), new LabelledFieldRecognizer()];

    /// <summary>A scrubber with every built-in recognizer and typed placeholders.</summary>
    public static TextScrubber CreateScrubber() => new(Create(), new TypedPlaceholderOperator());
}
