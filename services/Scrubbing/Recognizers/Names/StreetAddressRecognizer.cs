namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds street addresses: a house number and a street ("6750 Elm Street", "12 rue de la Paix", "Koskikatu 25",
/// "Via Roma 10", "P.O. Box 12"), then the flat, city, state, postcode and country that follow it on the same or the
/// next lines.
/// </summary>
/// <remarks>
/// The street is what makes it an address; the city and postcode after it are taken while they look like the parts
/// of an address (capitalised words after a comma or line break, known places, postcodes, state codes) and stop at
/// the first ordinary word or sentence end.
/// </remarks>
public sealed class StreetAddressRecognizer : IRecognizer
{
    private const int MaxStreetWords = 4;
    private const int MaxTailParts = 7;
    private const double Score = 0.85;

    private static readonly WordSet Directions = new(["n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west"]);

    private static readonly WordSet Units = new(
    [
        "apt", "apartment", "suite", "ste", "unit", "floor", "fl", "room", "rm", "bldg", "building", "flat", "no", "nr",
        "dept", "appartamento", "piano", "interno", "scala", "piso", "puerta", "esc", "escalera", "andar", "bloco",
        "lote", "casa", "lgh", "étage", "etage", "bâtiment", "wohnung", "whg", "top", "stiege", "mieszkanie", "m",
    ]);

    /// <summary>Polish street types, written in lower case: "ul. Długa 5", "al. Jana Pawła 12".</summary>
    private static readonly WordSet LowerCaseTypes = new(["ul", "al", "os", "pl"]);

    /// <summary>Street types written before the name: "rue de la Paix", "Via Roma", "Calle Mayor".</summary>
    private static readonly WordSet PrefixTypes = new(
    [
        "rue", "avenue", "av", "avenida", "boulevard", "bd", "chemin", "allée", "impasse", "place", "quai", "via", "viale",
        "piazza", "corso", "largo", "calle", "carrer", "camino", "paseo", "plaza", "rua", "travessa", "praça", "ulica",
        "ul", "strada", "calea", "aleja", "rambla",
    ]);

    /// <summary>Street names written as one word with their type: "Hauptstraße", "Koskikatu", "Drottninggatan".</summary>
    private static readonly string[] JoinedEndings =
    [
        "straße", "strasse", "str", "weg", "gasse", "platz", "allee", "ring", "damm", "ufer", "katu", "tie", "kuja",
        "polku", "gatan", "vägen", "väg", "gata", "gränd", "veien", "vei", "vej", "gade", "gate", "laan", "straat",
        "plein", "gracht", "singel", "kade", "utca", "ulica", "cesta", "hof", "park", "dijk", "dreef", "markt",
        "steeg", "allén", "torget", "stig", "backe", "tori", "rinne", "kaari", "ranta",
    ];

    private static readonly WordSet Connectors = new(["de", "del", "la", "le", "les", "des", "du", "da", "do", "dos", "das", "di", "della", "von", "van", "der", "den", "el", "y", "of", "the"]);

    private readonly Gazetteers _gazetteers = Gazetteers.Instance;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokens.Split(text);
        var found = new List<EntityMatch>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var streetEnd = Street(text, tokens, i);
            if (streetEnd <= i)
            {
                continue;
            }

            var end = Tail(text, tokens, Unit(text, tokens, streetEnd));
            found.Add(new EntityMatch(EntityTypes.StreetAddress, tokens[i].Start, tokens[end - 1].End - tokens[i].Start, Score));
            i = end - 1;
        }

        return found;
    }

    /// <summary>The end of a street (number included) starting at token <paramref name="i"/>, or <paramref name="i"/>.</summary>
    private int Street(string text, List<Token> tokens, int i)
    {
        var token = tokens[i];
        if (IsHouseNumber(text, token))
        {
            return NumberFirst(text, tokens, i);
        }

        // "P.O. Box 12", "PO Box 12".
        if (token.In(text) is "P" or "PO" && PoBox(text, tokens, i) is > 0 and var box)
        {
            return box;
        }

        // "ul. Długa 5".
        if (LowerCaseTypes.Contains(text, token) && !char.IsUpper(text[token.Start]) && i + 1 < tokens.Count
            && Tokens.Gap(text, token, tokens[i + 1]) is ". ")
        {
            var nameEnd = Name(text, tokens, i + 1, requireCapital: true);
            return nameEnd > i + 1 && nameEnd < tokens.Count && IsHouseNumber(text, tokens[nameEnd])
                && Tokens.Gap(text, tokens[nameEnd - 1], tokens[nameEnd]) is " " or ", " ? nameEnd + 1 : i;
        }

        if (!char.IsUpper(text[token.Start]))
        {
            return i;
        }

        // "Via Roma 10", "Calle Mayor, 5".
        if (IsPrefixType(text, token))
        {
            var nameEnd = Name(text, tokens, i + 1, requireCapital: true);
            return nameEnd > i + 1 && nameEnd < tokens.Count && IsHouseNumber(text, tokens[nameEnd])
                && Tokens.Gap(text, tokens[nameEnd - 1], tokens[nameEnd]) is " " or ", " ? nameEnd + 1 : i;
        }

        // "Koskikatu 25", "Hauptstraße 5a".
        if (token.IsCapitalized(text) && EndsLikeStreet(token.In(text)) && i + 1 < tokens.Count && IsHouseNumber(text, tokens[i + 1])
            && Tokens.Gap(text, token, tokens[i + 1]) is " " or ". ")
        {
            return i + 2;
        }

        return i;
    }

    private int NumberFirst(string text, List<Token> tokens, int i)
    {
        var j = i + 1;
        if (j >= tokens.Count || Tokens.Gap(text, tokens[i], tokens[j]) is not " " and not ", ")
        {
            return i;
        }

        // "12 rue de la Paix", "12 Avenida Paulista": after a number the type may be written in lower case.
        if (PrefixTypes.Contains(text, tokens[j]) || IsPrefixType(text, tokens[j]))
        {
            var nameEnd = Name(text, tokens, j + 1, requireCapital: true);
            return nameEnd > j + 1 ? nameEnd : i;
        }

        // "6750 Koskikatu 25": a house number before a street written the European way.
        if (Street(text, tokens, j) is var european && european > j && !IsHouseNumber(text, tokens[j]))
        {
            return european;
        }

        if (j < tokens.Count && Directions.Contains(text, tokens[j]) && char.IsUpper(text[tokens[j].Start]))
        {
            j++;
        }

        // Up to four name words, then a suffix: "6750 Old Mill Creek Road". A suffix word may also be part of the
        // name ("Mill", "Park"), so the last one before the run of capitalised words ends is taken.
        var end = i;
        for (var k = j; k < tokens.Count && k - j <= MaxStreetWords; k++)
        {
            if (k > i + 1 && !Tokens.IsSpaceOrDot(Tokens.Gap(text, tokens[k - 1], tokens[k])))
            {
                break;
            }

            var token = tokens[k];
            if (k > j && char.IsUpper(text[token.Start]) && (_gazetteers.StreetSuffixes.Contains(text, token) || _gazetteers.ForeignStreetTypes.Contains(text, token)))
            {
                end = k + 1;
                if (Tokens.Gap(text, tokens[k - 1], token) is not " " || text.AsSpan(token.End).StartsWith("."))
                {
                    break;
                }

                continue;
            }

            if (!(token.IsCapitalized(text) || IsOrdinal(text, token)))
            {
                break;
            }
        }

        return end;
    }

    /// <summary>Name words after a street type written first: capitalised, or connectors between them.</summary>
    private static int Name(string text, List<Token> tokens, int start, bool requireCapital)
    {
        var end = start;
        var capitals = 0;
        while (end < tokens.Count && end - start < MaxStreetWords + 2)
        {
            if (end > start && !Tokens.IsSpace(Tokens.Gap(text, tokens[end - 1], tokens[end])))
            {
                break;
            }

            var token = tokens[end];
            if (token.IsCapitalized(text) || IsElided(text, token))
            {
                capitals++;
            }
            else if (!Connectors.Contains(text, token))
            {
                break;
            }

            end++;
        }

        // Connectors at the end belong to the sentence, not the street.
        while (end > start && !tokens[end - 1].IsCapitalized(text) && !IsElided(text, tokens[end - 1]))
        {
            end--;
        }

        return requireCapital && capitals == 0 ? start : end;
    }

    private static int PoBox(string text, List<Token> tokens, int i)
    {
        var k = i;
        if (tokens[k].In(text) is "P" && k + 1 < tokens.Count && tokens[k + 1].In(text) is "O")
        {
            k++;
        }

        return k + 2 < tokens.Count && tokens[k + 1].In(text).Equals("Box", StringComparison.OrdinalIgnoreCase) && tokens[k + 2].HasDigit(text)
            ? k + 3
            : 0;
    }

    /// <summary>"Apt. 864", "Suite 200", "#5" after the street.</summary>
    private static int Unit(string text, List<Token> tokens, int end)
    {
        if (end + 1 < tokens.Count && Units.Contains(text, tokens[end]) && char.IsUpper(text[tokens[end].Start])
            && Tokens.Gap(text, tokens[end - 1], tokens[end]) is " " or ", " or ". " or "., "
            && Tokens.Gap(text, tokens[end], tokens[end + 1]) is " " or ". " or " #" or ".#" && tokens[end + 1].HasDigit(text))
        {
            return end + 2;
        }

        if (end < tokens.Count && Tokens.Gap(text, tokens[end - 1], tokens[end]) is " #" or ", #" && tokens[end].HasDigit(text))
        {
            return end + 1;
        }

        return end;
    }

    /// <summary>City, state, postcode and country after the street, while they look like parts of an address.</summary>
    private int Tail(string text, List<Token> tokens, int end)
    {
        var afterPostcode = false;
        for (var parts = 0; parts < MaxTailParts && end < tokens.Count; parts++)
        {
            var gap = Tokens.Gap(text, tokens[end - 1], tokens[end]);
            if (!IsAddressGap(gap, out var breaks))
            {
                break;
            }

            // "12345 Berlin", "SW1A 1AA London": the city follows the postcode.
            var next = TailPart(text, tokens, end, breaks || afterPostcode, gap);
            afterPostcode = next > end && IsPostcode(text, tokens, end, out _);
            if (next == end)
            {
                break;
            }

            end = next;
        }

        return end;
    }

    private int TailPart(string text, List<Token> tokens, int index, bool breaks, ReadOnlySpan<char> gap)
    {
        var token = tokens[index];
        if (IsPostcode(text, tokens, index, out var postcodeEnd))
        {
            return postcodeEnd;
        }

        if (gap is "-" or " - ")
        {
            return index;
        }

        // A state or region code: a known one, or any two or three capitals followed by a postcode ("HH 39826").
        if (token.Length is 2 or 3 && token.In(text).IndexOfAnyExceptInRange('A', 'Z') < 0
            && (_gazetteers.StateAbbreviations.Contains(text, token)
                || (index + 1 < tokens.Count && Tokens.IsSpace(Tokens.Gap(text, token, tokens[index + 1])) && IsPostcode(text, tokens, index + 1, out _))))
        {
            return index + 1;
        }

        if (_gazetteers.Places.Match(text, tokens, index) is > 0 and var place && char.IsUpper(text[token.Start]))
        {
            return index + place;
        }

        if (!breaks || !token.IsCapitalized(text) || (CommonWords.Set.Contains(text, token) && !LocationRecognizer.PrefixWords.Contains(text, token)))
        {
            return index;
        }

        // After a comma or line break: a city the gazetteer does not know, up to three words.
        var end = index + 1;
        while (end < tokens.Count && end - index < 3 && Tokens.IsSpace(Tokens.Gap(text, tokens[end - 1], tokens[end]))
            && tokens[end].IsCapitalized(text) && !CommonWords.Set.Contains(text, tokens[end]))
        {
            end++;
        }

        return end;
    }

    private static bool IsAddressGap(ReadOnlySpan<char> gap, out bool breaks)
    {
        breaks = gap.IndexOfAny(',', '\n') >= 0;
        if (gap.Length is 0 or > 6)
        {
            return false;
        }

        foreach (var c in gap)
        {
            if (c is not (' ' or ',' or '\n' or '\r' or '\t' or '-'))
            {
                return false;
            }
        }

        return gap.Count(',') <= 1;
    }

    /// <summary>"62704", "62704-1234", "SW1A 1AA", "K1A 0B1", "1010".</summary>
    private static bool IsPostcode(string text, List<Token> tokens, int index, out int end)
    {
        var token = tokens[index];
        end = index + 1;
        if (token.IsAllDigits(text) && token.Length is >= 4 and <= 6)
        {
            if (index + 1 < tokens.Count && Tokens.Gap(text, token, tokens[index + 1]) is "-" && tokens[index + 1].IsAllDigits(text)
                && tokens[index + 1].Length is 3 or 4)
            {
                end = index + 2;
            }
            else if (token.Length == 4 && index + 1 < tokens.Count && Tokens.IsSpace(Tokens.Gap(text, token, tokens[index + 1]))
                && tokens[index + 1].Length == 2 && IsUpperAlnum(tokens[index + 1].In(text)) && !tokens[index + 1].HasDigit(text))
            {
                // Dutch: "4293 NX".
                end = index + 2;
            }

            return true;
        }

        // Polish: "06-713".
        if (token.IsAllDigits(text) && token.Length == 2 && index + 1 < tokens.Count && Tokens.Gap(text, token, tokens[index + 1]) is "-"
            && tokens[index + 1].IsAllDigits(text) && tokens[index + 1].Length == 3)
        {
            end = index + 2;
            return true;
        }

        // British and Canadian postcodes: capitals and digits in two short parts.
        if (token.Length is >= 2 and <= 4 && token.HasDigit(text) && IsUpperAlnum(token.In(text)) && char.IsAsciiLetterUpper(text[token.Start]))
        {
            if (index + 1 < tokens.Count && Tokens.IsSpace(Tokens.Gap(text, token, tokens[index + 1])) && tokens[index + 1].Length == 3
                && IsUpperAlnum(tokens[index + 1].In(text)) && char.IsAsciiDigit(text[tokens[index + 1].Start]))
            {
                end = index + 2;
            }

            return true;
        }

        return false;
    }

    private static bool IsUpperAlnum(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiDigit(c) && !char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>1 to 6 digits, perhaps with a letter ("221B") or a range ("12-14" reads as two tokens and takes the first).</summary>
    private static bool IsHouseNumber(string text, Token token)
    {
        var value = token.In(text);
        var digits = value.Length - value.TrimStart("0123456789").Length;
        return digits is >= 1 and <= 6 && value.Length - digits <= 1 && (digits == value.Length || char.IsLetter(value[^1]));
    }

    private static bool IsOrdinal(string text, Token token)
    {
        var value = token.In(text);
        return value.Length >= 3 && char.IsAsciiDigit(value[0])
            && (value.EndsWith("st", StringComparison.OrdinalIgnoreCase) || value.EndsWith("nd", StringComparison.OrdinalIgnoreCase)
                || value.EndsWith("rd", StringComparison.OrdinalIgnoreCase) || value.EndsWith("th", StringComparison.OrdinalIgnoreCase));
    }

    private static bool EndsLikeStreet(ReadOnlySpan<char> word)
    {
        foreach (var ending in JoinedEndings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsPrefixType(string text, Token token) =>
        char.IsUpper(text[token.Start]) && (PrefixTypes.Contains(text, token) || _gazetteers.ForeignStreetTypes.Contains(text, token));

    /// <summary>"l'Odéon", "d'Orsel": an elided article before a capitalised name.</summary>
    private static bool IsElided(string text, Token token) =>
        token.Length > 3 && text[token.Start + 1] is '\'' or '’' && char.IsUpper(text[token.Start + 2]);
}
