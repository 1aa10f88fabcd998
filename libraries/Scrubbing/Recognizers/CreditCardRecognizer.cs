using System.Buffers;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Finds payment card numbers: 13 to 19 digits, optionally grouped by spaces or dashes, passing Luhn.</summary>
/// <remarks>
/// Precision rules, since 1 number in 10 passes Luhn by chance: a number with a known issuer prefix counts; one
/// without counts only when written in groups, as people write cards (an ungrouped one is far more often an id or
/// a millisecond timestamp), or when a card word is close by. The card word also admits 12-digit Maestro numbers.
/// One run of digits can hold more than the card ("4111 1111 1111 1111 12/26" ends in the expiry month), so when
/// the whole run is not a card, spans of whole groups inside it with a known issuer are tried, longest first.
/// </remarks>
public sealed partial class CreditCardRecognizer : IRecognizer
{
    private const int MinDigits = 13;
    private const int MinDigitsWithContext = 12;
    private const int MaxDigits = 19;
    private const int ContextWindow = 30;
    private const double KnownIssuerScore = 1.0;
    private const double ContextScore = 0.7;
    private const double GroupedScore = 0.5;

    private static readonly SearchValues<char> GroupSeparators = SearchValues.Create(" -");

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TextProbe.MaxDigitsInRun(text, GroupSeparators) < MinDigitsWithContext)
        {
            yield break;
        }

        foreach (Match run in DigitRun().Matches(text))
        {
            var groups = DigitGroups.Split(run);
            if (Check(groups, 0, groups.Count - 1) is { } card && Score(card, groups.Count > 1, text) is { } score)
            {
                yield return new EntityMatch(EntityTypes.CreditCard, card.Start, card.Length, score);
                continue;
            }

            if (groups.Count > 1)
            {
                foreach (var inner in FindInside(groups))
                {
                    yield return new EntityMatch(EntityTypes.CreditCard, inner.Start, inner.Length, KnownIssuerScore);
                }
            }
        }
    }

    private static double? Score(Candidate card, bool grouped, string text)
    {
        if (card.DigitCount >= MinDigits && card.KnownIssuer)
        {
            return KnownIssuerScore;
        }

        if (HasContext(text, card))
        {
            return ContextScore;
        }

        return card.DigitCount >= MinDigits && grouped ? GroupedScore : null;
    }

    private static List<Candidate> FindInside(IReadOnlyList<DigitGroup> groups)
    {
        // Windows stop growing past 19 digits, so a long run ("1 2 3 4 ...") costs linear time, not quadratic.
        var found = new List<Candidate>();
        for (var first = 0; first < groups.Count; first++)
        {
            var digitCount = 0;
            for (var last = first; last < groups.Count && (digitCount += groups[last].Digits.Length) <= MaxDigits; last++)
            {
                if (digitCount >= MinDigits && Check(groups, first, last) is { KnownIssuer: true } candidate)
                {
                    found.Add(candidate);
                }
            }
        }

        // Longest first, then keep the ones that do not overlap an already kept one.
        var kept = new List<Candidate>();
        foreach (var candidate in found.OrderByDescending(c => c.Length))
        {
            if (kept.TrueForAll(k => candidate.End <= k.Start || candidate.Start >= k.End))
            {
                kept.Add(candidate);
            }
        }

        return kept;
    }

    private static Candidate? Check(IReadOnlyList<DigitGroup> groups, int first, int last)
    {
        var digits = string.Concat(groups.Skip(first).Take(last - first + 1).Select(g => g.Digits));
        if (digits.Length is < MinDigitsWithContext or > MaxDigits || !Luhn.IsValid(digits) || AllSame(digits))
        {
            return null;
        }

        var start = groups[first].Start;
        return new Candidate(start, groups[last].End - start, digits.Length, CardIssuers.IsKnownPrefix(digits));
    }

    private static bool AllSame(string digits) => digits.AsSpan().IndexOfAnyExcept(digits[0]) < 0;

    private static bool HasContext(string text, Candidate card)
    {
        var from = Math.Max(0, card.Start - ContextWindow);
        var to = Math.Min(text.Length, card.End + ContextWindow);
        return ContextPattern().IsMatch(text.AsSpan(from, to - from));
    }

    // Atomic, so a run followed by a letter is dropped rather than cut short.
    [GeneratedRegex(@"(?<!\w)(?>[0-9](?:[ -]?[0-9])*)(?!\w)", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex DigitRun();

    [GeneratedRegex(
        @"\b(?:cards?|cc|credit|debit|visa|mastercard|amex|maestro|pan)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        RegexLimits.TimeoutMilliseconds)]
    private static partial Regex ContextPattern();

    private sealed record Candidate(int Start, int Length, int DigitCount, bool KnownIssuer)
    {
        public int End => Start + Length;
    }
}
