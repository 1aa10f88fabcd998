namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds cities, states and countries (Presidio's GPE): a gazetteer of places, the shapes of place names
/// ("North …", "…ville", "… County") and context words ("lives in …", "born in …").
/// </summary>
/// <remarks>
/// A place that is also a common word or a first name ("Nice", "Florence", "Jackson") needs a preposition of
/// place before it or a state or country after it.
/// </remarks>
public sealed partial class LocationRecognizer : IRecognizer
{
    private const int MaxWords = 3;
    private const double KnownScore = 0.85;
    private const double KnownWithContextScore = 0.9;
    private const double ShapeScore = 0.7;

    private static readonly WordSet Prepositions = new(
    [
        "in", "from", "to", "near", "at", "around", "across", "outside", "inside", "towards", "toward", "via", "visit",
        "visiting", "visited", "between", "through", "of", "into", "leaving", "reach", "flight", "flights", "weather",
    ]);

    private static readonly WordSet BeingIn = new(["am", "i'm", "i’m", "we're", "we’re"]);

    internal static readonly WordSet PrefixWords = new(
    [
        "north", "south", "east", "west", "new", "lake", "port", "fort", "mount", "mt", "saint", "st", "san", "santa",
        "los", "las", "el", "sankt", "bad", "upper", "lower", "great", "little",
    ]);

    internal static readonly WordSet AreaWords = new(["city", "county", "town", "township", "village", "province", "borough", "parish", "district", "region"]);

    private static readonly string[] PlaceEndings =
    [
        "ville", "town", "burg", "burgh", "borough", "bury", "berg", "stadt", "furt", "haven", "mouth", "chester",
        "shire", "port", "view", "stad", "fort", "polis", "ton", "field", "ford", "land",
    ];

    private static readonly WordSet Connectors = new(["of", "and", "de", "del", "la", "le", "da", "do", "dos", "das", "di", "upon", "am", "an", "der", "sur", "on", "the"]);

    private readonly Gazetteers _gazetteers = Gazetteers.Instance;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokens.Split(text);
        var found = new List<EntityMatch>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = Examine(text, tokens, i, found);
            if (end > i)
            {
                i = end - 1;
            }
        }

        return found;
    }

    /// <summary>
    /// "we moved here from tunisia": in lower case a known place counts right after a phrase that places it, unless
    /// it is also a common word or a given name ("lives in harmony", "came from jordan").
    /// </summary>
    private int LowerCasePlace(string text, List<Token> tokens, int i, List<EntityMatch> found)
    {
        // Nearly every word passes here: the one lookup in the places first, the phrases (many comparisons) last.
        var token = tokens[i];
        var known = token.IsLower(text) ? _gazetteers.Places.Match(text, tokens, i) : 0;

        // "new zealand" is a place whatever its first word is; "jordan" alone may be a person.
        if (known == 0 || (known == 1 && (CommonWords.Set.Contains(text, token) || _gazetteers.FirstNames.Contains(text, token))) || !HasStrongContext(text, tokens, i))
        {
            return i;
        }

        found.Add(Span(tokens, i, i + known, ShapeScore));
        return i + known;
    }

    private int Examine(string text, List<Token> tokens, int i, List<EntityMatch> found)
    {
        var token = tokens[i];
        var capitalized = token.IsCapitalized(text);
        var shouted = !capitalized && (IsShoutedAfterContext(text, tokens, i) || IsShoutedKnownPlace(text, tokens, i));
        if (!capitalized && !shouted && !IsAllCapsCountry(text, tokens, i))
        {
            return LowerCasePlace(text, tokens, i, found);
        }

        var strong = HasStrongContext(text, tokens, i);
        var preposition = strong || (i > 0 && Tokens.IsSpace(Tokens.Gap(text, tokens[i - 1], token)) && Prepositions.Contains(text, tokens[i - 1]));

        var known = _gazetteers.Places.Match(text, tokens, i);
        if (known > 0 && AllCapitalized(text, tokens, i, known))
        {
            var end = WithArea(text, tokens, i + known);
            var ambiguous = known == 1 && end == i + 1
                && (CommonWords.Set.Contains(text, token) || _gazetteers.IsName(text, token) || _gazetteers.WellKnownPlaces.Match(text, tokens, i) == 0);
            if (!ambiguous)
            {
                found.Add(Span(tokens, i, end, preposition ? KnownWithContextScore : KnownScore));
                return end;
            }

            if (preposition || FollowedByRegion(text, tokens, end))
            {
                found.Add(Span(tokens, i, end, KnownWithContextScore));
                return end;
            }

            return i;
        }

        if (!(capitalized || shouted) || CommonWords.Set.Contains(text, token) && !PrefixWords.Contains(text, token))
        {
            return i;
        }

        var run = Run(text, tokens, i, shouted);
        if (run == i)
        {
            return i;
        }

        var withArea = WithArea(text, tokens, run);
        var shaped = withArea > run
            || (PrefixWords.Contains(text, token) && run - i >= 2 && !CommonWords.Set.Contains(text, tokens[i + 1]))
            || EndsLikePlace(tokens[run - 1].In(text));
        if ((shaped && (preposition || !Tokens.StartsSentence(text, token) || FollowedByRegion(text, tokens, withArea))) || (strong && !StartsPersonName(text, tokens, i)))
        {
            found.Add(Span(tokens, i, withArea, strong ? KnownScore : ShapeScore));
            return withArea;
        }

        return i;
    }

    private int Run(string text, List<Token> tokens, int start, bool shouted)
    {
        var end = start;
        while (end < tokens.Count && end - start < MaxWords)
        {
            var token = tokens[end];
            if (end > start && !Tokens.IsSpaceOrDot(Tokens.Gap(text, tokens[end - 1], token)))
            {
                break;
            }

            if (!(shouted ? token.IsAllCapitals(text) : token.IsCapitalized(text)) || token.HasDigit(text) || _gazetteers.StreetSuffixes.Contains(text, token)
                || OrganizationRecognizer.IsCompanyWord(text, token) || AreaWords.Contains(text, token)
                || (end > start && CommonWords.Set.Contains(text, token)))
            {
                break;
            }

            end++;
        }

        return end;
    }

    // "Travis County", "Quezon City": the area word belongs to the name.
    private static int WithArea(string text, List<Token> tokens, int end) =>
        end < tokens.Count && end > 0 && Tokens.IsSpace(Tokens.Gap(text, tokens[end - 1], tokens[end]))
            && tokens[end].IsCapitalized(text) && AreaWords.Contains(text, tokens[end])
            ? end + 1
            : end;

    /// <summary>", CA", ", Texas", ", France" after the name.</summary>
    private bool FollowedByRegion(string text, List<Token> tokens, int end)
    {
        if (end >= tokens.Count || Tokens.Gap(text, tokens[end - 1], tokens[end]) is not ", " and not ",")
        {
            return false;
        }

        return _gazetteers.StateAbbreviations.Contains(text, tokens[end]) && !tokens[end].IsCapitalized(text)
            || _gazetteers.Places.Match(text, tokens, end) > 0;
    }

    /// <summary>A phrase that places the word after it: "lives in", "born in", "flew to", "grew up in".</summary>
    // "flew to LEPPEN", "born in SEINÄJOKI": towns are often written in capitals (postal practice, forms, shouting),
    // and after a phrase of travel or origin the capitals no longer suggest an acronym. After "I'm in" or "am in"
    // they still may ("I am in CHARGE"): no list of common words is long enough to tell, so capitals count only
    // after the other phrases.
    private static bool IsShoutedAfterContext(string text, List<Token> tokens, int i) =>
        tokens[i].Length > 3 && tokens[i].IsAllCapitals(text) && HasStrongContext(text, tokens, i) && !BeingIn.Contains(text, tokens[i - 2]);

    // "arrived at HAMAR", "a year in SEINÄJOKI": a town the gazetteers know, in capitals, after a preposition. Longer
    // than an acronym ("in HTML", "at NASA") and no common word ("in READING").
    private bool IsShoutedKnownPlace(string text, List<Token> tokens, int i) =>
        i > 0 && tokens[i].Length > 4 && tokens[i].IsAllCapitals(text) && Prepositions.Contains(text, tokens[i - 1]) && tokens[i - 1].IsLower(text)
        && Tokens.IsSpace(Tokens.Gap(text, tokens[i - 1], tokens[i])) && !CommonWords.Set.Contains(text, tokens[i]) && _gazetteers.Places.Match(text, tokens, i) > 0;

    private bool StartsPersonName(string text, List<Token> tokens, int i) => _gazetteers.FirstNames.Contains(text, tokens[i]);

    private bool IsAllCapsCountry(string text, List<Token> tokens, int i) =>
        tokens[i].Length is >= 2 and <= 3 && char.IsUpper(text[tokens[i].Start]) && _gazetteers.Countries.Match(text, tokens, i) > 0;

    private static bool AllCapitalized(string text, List<Token> tokens, int start, int count)
    {
        for (var k = start; k < start + count; k++)
        {
            var token = tokens[k];
            if (!char.IsUpper(text[token.Start]) && !(k > start && Connectors.Contains(text, token)))
            {
                return false;
            }
        }

        return true;
    }

    internal static bool EndsLikePlace(ReadOnlySpan<char> word)
    {
        foreach (var ending in PlaceEndings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static EntityMatch Span(List<Token> tokens, int first, int end, double score) =>
        new(EntityTypes.Location, tokens[first].Start, tokens[end - 1].End - tokens[first].Start, score);
}
