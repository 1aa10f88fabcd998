using System.Buffers;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Finds US social security numbers in the ranges the SSA issues.</summary>
/// <remarks>
/// ddd-dd-dddd is distinctive enough on its own. Written with spaces or no separator, nine digits are as likely a
/// zip+4, an order id or a phone fragment, so those forms count only with a context word close by.
/// </remarks>
public sealed partial class UsSsnRecognizer : IRecognizer
{
    private const int ContextWindow = 40;
    private const double DashedScore = 0.6;
    private const double WithContextScore = 0.85;
    private const int Digits = 9;

    private static readonly SearchValues<char> Separators = SearchValues.Create(" -");

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TextProbe.MaxDigitsInRun(text, Separators) < Digits)
        {
            yield break;
        }

        foreach (Match match in SsnPattern().Matches(text))
        {
            if (!IsIssuable(match.Groups["area"].ValueSpan, match.Groups["group"].ValueSpan, match.Groups["serial"].ValueSpan))
            {
                continue;
            }

            var hasContext = HasContext(text, match);
            var dashed = match.Groups["sep"].Value == "-";
            if (dashed || hasContext)
            {
                yield return new EntityMatch(EntityTypes.UsSsn, match.Index, match.Length, hasContext ? WithContextScore : DashedScore);
            }
        }
    }

    // Area 000, 666 and 900-999, group 00 and serial 0000 are never issued.
    private static bool IsIssuable(ReadOnlySpan<char> area, ReadOnlySpan<char> group, ReadOnlySpan<char> serial) =>
        area is not "000" and not "666" && area[0] != '9' && group is not "00" && serial is not "0000";

    private static bool HasContext(string text, Match match)
    {
        var from = Math.Max(0, match.Index - ContextWindow);
        var to = Math.Min(text.Length, match.Index + match.Length + ContextWindow);
        return ContextPattern().IsMatch(text.AsSpan(from, to - from));
    }

    // The separator is captured once and repeated, so "123-45 6789" is not a candidate.
    [GeneratedRegex(
        @"(?<![\w-])(?<area>[0-9]{3})(?<sep>[- ]?)(?<group>[0-9]{2})\k<sep>(?<serial>[0-9]{4})(?![\w-])",
        RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex SsnPattern();

    [GeneratedRegex(
        @"\b(?:ssns?|social\s+security|soc\.?\s*sec|ss\s+no)\b|\bss\s*#",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex ContextPattern();
}
