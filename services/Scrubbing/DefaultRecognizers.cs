using SlmPlatform.Scrubbing.Recognizers;

namespace SlmPlatform.Scrubbing;

/// <summary>The built-in recognizers, for callers that build a <see cref="TextScrubber"/> without DI.</summary>
public static class DefaultRecognizers
{
    public static IReadOnlyList<IRecognizer> Create() =>
    [
        new EmailRecognizer(),
        new PhoneNumberRecognizer(),
        new ContextualPhoneNumberRecognizer(),
        new CreditCardRecognizer(),
        new IbanRecognizer(),
        new UsSsnRecognizer(),
        new IpAddressRecognizer(),
        new CredentialRecognizer(),
    ];

    /// <summary>A scrubber with every built-in recognizer and typed placeholders.</summary>
    public static TextScrubber CreateScrubber() => new(Create(), new TypedPlaceholderOperator());
}
