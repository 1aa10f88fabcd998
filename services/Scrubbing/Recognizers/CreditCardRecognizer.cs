namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Finds payment card numbers: 13 to 19 digits, optionally grouped by spaces or dashes, passing Luhn.</summary>
/// <remarks>
/// One run of digits can hold more than the card ("4111 1111 1111 1111 12/26" ends in the expiry month), so when
/// the whole run is not a card, spans of whole groups inside it are tried, longest first.
/// Precision rules: a number without a known issuer prefix is reported only when it is written in groups (as
/// people write cards); an ungrouped one is far more often an id or a millisecond timestamp, 1 in 10 of which
/// passes Luhn by chance.
/// </remarks>
public sealed partial class CreditCardRecognizer : IRecognizer
{
    private const int MinDigits = 13;
    private const int MaxDigits = 19;
    private const double KnownIssuerScore = 1.0;
    private const double UnknownIssuerScore = 0.5;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (Match run in DigitRun().Matches(text))
        {
            var groups = DigitGroups.Split(run);
            var whole = Check(groups, 0, groups.Count - 1);
            if (whole is { } card && (card.KnownIssuer || groups.Count > 1))
            {
                yield return ToMatch(card);
                continue;
            }

            if (groups.Count > 1)
            {
                foreach (var inner in FindInside(groups))
                {
                    yield return ToMatch(inner);
                }
            }
        }
    }

    private static List<Candidate> FindInside(IReadOnlyList<DigitGroup> groups)
    {
        var found = new List<Candidate>();
        for (var first = 0; first < groups.Count; first++)
        {
            for (var last = first; last < groups.Count; last++)
            {
                if (Check(groups, first, last) is { KnownIssuer: true } candidate)
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
        if (digits.Length is < MinDigits or > MaxDigits || !Luhn.IsValid(digits) || AllSame(digits))
        {
            return null;
        }

        var start = groups[first].Start;
        return new Candidate(start, groups[last].End - start, CardIssuers.IsKnownPrefix(digits));
    }

    private static bool AllSame(string digits) => digits.AsSpan().IndexOfAnyExcept(digits[0]) < 0;

    private static EntityMatch ToMatch(Candidate card) =>
        new(EntityTypes.CreditCard, card.Start, card.Length, card.KnownIssuer ? KnownIssuerScore : UnknownIssuerScore);

    // Atomic, so a run followed by a letter is dropped rather than cut short.
    [GeneratedRegex(@"(?<!\w)(?>[0-9](?:[ -]?[0-9])*)(?!\w)", RegexOptions.CultureInvariant, RegexLimits.TimeoutMilliseconds)]
    private static partial Regex DigitRun();

    private sealed record Candidate(int Start, int Length, bool KnownIssuer)
    {
        public int End => Start + Length;
    }
}
