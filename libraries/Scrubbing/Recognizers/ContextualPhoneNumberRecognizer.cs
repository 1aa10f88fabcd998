using System.Buffers;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds phone-shaped digit groups next to a phone word ("Phone:", "call me on", "fax"), for the numbers
/// <see cref="PhoneNumberRecognizer"/> cannot validate: national numbers of other countries ("0490 75 40 81"),
/// numbers with "(0)" or extensions, and numbers outside the numbering plan.
/// </summary>
/// <remarks>
/// The context word carries the precision here, so the shape is loose (7 to 15 digits, single spaces, dots,
/// dashes or parentheses between them) and dates are excluded, since "called on 2024-01-15" is common.
/// The score is below the validated recognizer's, so it loses any tie on the same span.
/// </remarks>
public sealed partial class ContextualPhoneNumberRecognizer : IRecognizer
{
    private const int MinDigits = 7;
    private const int MaxDigits = 15;
    private const int ContextBefore = 30;
    private const int ContextAfter = 12;
    private const double Score = 0.5;

    private static readonly SearchValues<char> Joiners = SearchValues.Create(" .-()+");

    // A word of every phrase of the context pattern.
    private static readonly Cues ContextCues = TextProbe.Cues(
        "phone", "tel", "mob", "cell", "fax", "call", "ring", "sms", "text", "whatsapp", "contact", "dial", "office", "desk", "reach", "message", "answering");

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TextProbe.MaxDigitsInRun(text, Joiners) < MinDigits || !TextProbe.ContainsAny(text, ContextCues))
        {
            yield break;
        }

        foreach (Match match in PhoneShape().Matches(text))
        {
            var digits = CountDigits(match.Groups["number"].ValueSpan);
            if (digits is >= MinDigits and <= MaxDigits && !DateShape().IsMatch(match.ValueSpan) && HasContext(text, match))
            {
                yield return new EntityMatch(EntityTypes.PhoneNumber, match.Index, match.Length, Score);
            }
        }
    }

    private static int CountDigits(ReadOnlySpan<char> value)
    {
        var count = 0;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }

    private static bool HasContext(string text, Match match)
    {
        var from = Math.Max(0, match.Index - ContextBefore);
        var to = Math.Min(text.Length, match.Index + match.Length + ContextAfter);
        return ContextPattern().IsMatch(text.AsSpan(from, to - from));
    }

    // Atomic, so a number followed by a letter is dropped rather than cut short at an earlier separator.
    [GeneratedRegex(
        """
        (?<![\w+.\-])
        (?>
          (?<number>\+?(?:\([0-9]{1,4}\)|[0-9])(?:[ .\-]?(?:\([0-9]{1,4}\)|[0-9])){5,24})
          (?:\ ?(?:x|ext\.?)\ ?[0-9]{1,6})?
        )
        (?![\w]|[.\-][0-9])
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PhoneShape();

    // 2024-01-15, 15.01.2024, 1/15/24: dates, even next to "call".
    [GeneratedRegex(
        @"^(?:[0-9]{4}[./-][0-9]{1,2}[./-][0-9]{1,2}|[0-9]{1,2}[./-][0-9]{1,2}[./-][0-9]{2,4})$",
        RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex DateShape();

    [GeneratedRegex(
        @"\b(?:phones?|tel|telephone|mobile|mob|cell|cellphone|fax|call|calls|calling|ring|sms|text\s+me|whatsapp|contact|dial|office|desk|reach\s+(?:me|us)|messages?\s+to|answering\s+at)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex ContextPattern();
}
