namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Finds MAC addresses: six hex pairs joined by one kind of separator, or Cisco's three dotted quads.</summary>
/// <remarks>A device identifier is personal data once it is tied to a user, and a log line usually ties it.</remarks>
public sealed partial class MacAddressRecognizer : IRecognizer
{
    private const double Score = 0.8;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // Five colons or dashes, or two dots (Cisco's form), or no MAC address can be there.
        var span = text.AsSpan();
        if (span.Count(':') < 5 && span.Count('-') < 5 && span.Count('.') < 2)
        {
            yield break;
        }

        foreach (Match match in MacPattern().Matches(text))
        {
            yield return new EntityMatch(EntityTypes.MacAddress, match.Index, match.Length, Score);
        }
    }

    [GeneratedRegex(
        @"(?<![\w:.-])(?:[0-9A-Fa-f]{2}(?<sep>[:-])(?:[0-9A-Fa-f]{2}\k<sep>){4}[0-9A-Fa-f]{2}|[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4})(?![\w:-])(?!\.[0-9A-Fa-f])",
        RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex MacPattern();
}
