namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds addresses given as a street corner: "the corner of 5th Avenue and Elm Street", "the junction of Main St
/// and Oak Ave". The span is the two streets and the "and" between them; "the corner of" stays.
/// </summary>
/// <remarks>
/// Streets are often named after people ("Elisabeth Parks", "Mathias Pass"), so without this the name recognizers
/// read the second street as a person and the overlap resolver calls it PERSON. The phrase carries the precision;
/// each side still needs a capitalised word, a number or a street type, so "the corner of my eye and the window" is
/// no address.
/// </remarks>
public sealed class IntersectionRecognizer : IRecognizer
{
    private const int MaxSideWords = 5;
    private const double Score = 0.8;

    // Not "intersection of": it joins subjects as often as streets ("the intersection of Design and Engineering").
    private static readonly WordSet Openers = new(["corner", "junction"]);

    private readonly Gazetteers _gazetteers = Gazetteers.Instance;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokens.Split(text);
        for (var i = 0; i + 4 < tokens.Count; i++)
        {
            if (!Openers.Contains(text, tokens[i]) || !tokens[i + 1].In(text).Equals("of", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var first = i + 2;
            var and = Side(text, tokens, first);
            if (and >= tokens.Count || !tokens[and].In(text).Equals("and", StringComparison.OrdinalIgnoreCase) || !Joined(text, tokens, and))
            {
                continue;
            }

            var end = Side(text, tokens, and + 1);
            if (end > and + 1 && IsStreet(text, tokens, first, and) && IsStreet(text, tokens, and + 1, end))
            {
                yield return new EntityMatch(EntityTypes.StreetAddress, tokens[first].Start, tokens[end - 1].End - tokens[first].Start, Score);
                i = end - 1;
            }
        }
    }

    /// <summary>
    /// The end of one street: words on the same line and sentence, up to "and", a lower-case common word that is no
    /// street type ("… and Oak Ave tonight"), or <see cref="MaxSideWords"/>.
    /// </summary>
    private int Side(string text, List<Token> tokens, int start)
    {
        var end = start;
        while (end < tokens.Count && end - start < MaxSideWords && !tokens[end].In(text).Equals("and", StringComparison.OrdinalIgnoreCase))
        {
            var token = tokens[end];
            if ((end > start && !Joined(text, tokens, end))
                || (token.IsLower(text) && CommonWords.Set.Contains(text, token) && !_gazetteers.StreetSuffixes.Contains(text, token)))
            {
                break;
            }

            end++;
        }

        return end;
    }

    // Words of one address are split by a space, or by a dot after an abbreviation or a house number ("39. and",
    // "St. and"); a comma, a line break or a sentence's end closes it.
    private static bool Joined(string text, List<Token> tokens, int k) =>
        Tokens.Gap(text, tokens[k - 1], tokens[k]) is " " or ". ";

    private bool IsStreet(string text, List<Token> tokens, int start, int end)
    {
        var name = false;
        for (var k = start; k < end; k++)
        {
            var token = tokens[k];
            if (token.HasDigit(text) || _gazetteers.StreetSuffixes.Contains(text, token))
            {
                return true;
            }

            name |= token.IsCapitalized(text) && !CommonWords.Set.Contains(text, token);
        }

        return name;
    }
}
