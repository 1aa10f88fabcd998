namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Finds IBANs, compact or printed in groups, that have their country's length and pass mod 97.</summary>
/// <remarks>
/// Only candidate starts come from the regex; the IBAN itself is read by hand to its country's exact length.
/// A greedy pattern would swallow the words after a grouped IBAN, and a rejected over-long match would hide a
/// real IBAN that starts inside it.
/// </remarks>
public sealed partial class IbanRecognizer : IRecognizer
{
    private const double Score = 1.0;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var searchFrom = 0;
        var start = StartPattern().Match(text, searchFrom);
        while (start.Success)
        {
            if (TryRead(text, start.Index, out var length))
            {
                yield return new EntityMatch(EntityTypes.IbanCode, start.Index, length, Score);
                searchFrom = start.Index + length;
            }
            else
            {
                searchFrom = start.Index + 1;
            }

            start = StartPattern().Match(text, searchFrom);
        }
    }

    private static bool TryRead(string text, int start, out int length)
    {
        length = 0;
        if (!IbanLengths.ByCountry.TryGetValue(text.Substring(start, 2).ToUpperInvariant(), out var expected))
        {
            return false;
        }

        // Collect the IBAN's characters, allowing one space between them once past the check digits.
        Span<char> compact = stackalloc char[expected];
        var count = 0;
        var position = start;
        while (count < expected && position < text.Length)
        {
            var c = text[position];
            if (char.IsAsciiLetterOrDigit(c))
            {
                compact[count++] = c;
                position++;
            }
            else if (c == ' ' && count >= 4 && position + 1 < text.Length && char.IsAsciiLetterOrDigit(text[position + 1]))
            {
                position++;
            }
            else
            {
                return false;
            }
        }

        // It must end where a token ends, or it is a slice of something longer.
        if (count < expected || (position < text.Length && char.IsAsciiLetterOrDigit(text[position])))
        {
            return false;
        }

        length = position - start;
        return IbanChecksum.IsValid(compact);
    }

    // Upper case as printed, or lower case as typed in chat; mixed case is not an IBAN anyone writes.
    [GeneratedRegex("(?<![A-Za-z0-9])(?:[A-Z]{2}|[a-z]{2})[0-9]{2}", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex StartPattern();
}
