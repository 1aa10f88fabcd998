namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Finds IBANs, compact or printed in groups, that have their country's length and pass mod 97.</summary>
/// <remarks>
/// Candidate starts (two letters of one case, then two digits, not inside a longer word) are found from the digits,
/// which a SIMD search jumps between; the IBAN itself is read by hand to its country's exact length.
/// A greedy pattern would swallow the words after a grouped IBAN, and a rejected over-long match would hide a
/// real IBAN that starts inside it.
/// </remarks>
public sealed class IbanRecognizer : IRecognizer
{
    private const double Score = 1.0;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = NextStart(text, 0);
        while (start >= 0)
        {
            if (TryRead(text, start, out var length))
            {
                yield return new EntityMatch(EntityTypes.IbanCode, start, length, Score);
                start = NextStart(text, start + length);
            }
            else
            {
                start = NextStart(text, start + 1);
            }
        }
    }

    // Upper case as printed, or lower case as typed in chat; mixed case is not an IBAN anyone writes.
    private static int NextStart(string text, int from)
    {
        var digit = from + 2;
        while (digit + 1 < text.Length)
        {
            var next = text.AsSpan(digit, text.Length - digit - 1).IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                return -1;
            }

            digit += next;
            var start = digit - 2;
            if (char.IsAsciiDigit(text[digit + 1])
                && ((char.IsAsciiLetterUpper(text[start]) && char.IsAsciiLetterUpper(text[start + 1]))
                    || (char.IsAsciiLetterLower(text[start]) && char.IsAsciiLetterLower(text[start + 1])))
                && (start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1])))
            {
                return start;
            }

            digit++;
        }

        return -1;
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
}
