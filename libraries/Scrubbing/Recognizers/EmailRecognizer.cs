namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Finds e-mail addresses: a dot-separated local part, then a domain with at least one dot and a letter TLD.</summary>
/// <remarks>
/// The local part takes only the characters real addresses use (letters, digits, <c>._%+-</c>); RFC 5322 allows
/// more (<c>/ = ? '</c>), but accepting them makes a URL's path and query part of the "address".
/// </remarks>
public sealed partial class EmailRecognizer : IRecognizer
{
    private const double Score = 1.0;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('@', StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (Match match in EmailPattern().Matches(text))
        {
            yield return new EntityMatch(EntityTypes.EmailAddress, match.Index, match.Length, Score);
        }
    }

    // Domain labels may not start or end with a hyphen; the lookarounds keep the match from starting or ending
    // inside a longer token.
    [GeneratedRegex(
        @"(?<![\w.%+-])[\w%+-]+(?:\.[\w%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![\w-])",
        RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex EmailPattern();
}
