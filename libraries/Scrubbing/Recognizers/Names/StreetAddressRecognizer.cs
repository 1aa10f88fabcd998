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
    private const double Score = 0.85;

    private readonly Gazetteers _gazetteers = Gazetteers.Instance;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);

        // "> 12 Elm Street\n> Springfield": a quoted or bulleted block is still one address. The marks are no tokens,
        // so the tokens of the text serve the blanked text too.
        var tokens = Tokens.Split(text);
        text = LineMarkers.Blank(text);
        var found = new List<EntityMatch>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var streetEnd = Street(text, tokens, i);
            if (streetEnd <= i)
            {
                continue;
            }

            var end = AddressTail.Tail(text, tokens, AddressTail.Unit(text, tokens, streetEnd));
            var start = AddressStart.Extend(text, tokens, i);
            found.Add(new EntityMatch(EntityTypes.StreetAddress, tokens[start].Start, tokens[end - 1].End - tokens[start].Start, Score));
            i = end - 1;
        }

        return found;
    }

    /// <summary>The end of a street (number included) starting at token <paramref name="i"/>, or <paramref name="i"/>.</summary>
    private int Street(string text, List<Token> tokens, int i)
    {
        var token = tokens[i];
        if (MilitaryAddress.Match(text, tokens, i) is var military && military > i)
        {
            return military;
        }

        if (AddressWords.IsHouseNumber(text, token))
        {
            return NumberFirst(text, tokens, i);
        }

        // "P.O. Box 12", "PO Box 12".
        if (token.In(text) is "P" or "PO" && PoBox(text, tokens, i) is > 0 and var box)
        {
            return box;
        }

        // "ul. Długa 5".
        if (AddressWords.LowerCaseTypes.Contains(text, token) && !char.IsUpper(text[token.Start]) && i + 1 < tokens.Count
            && Tokens.Gap(text, token, tokens[i + 1]) is ". ")
        {
            var nameEnd = Name(text, tokens, i + 1, requireCapital: true);
            return nameEnd > i + 1 && nameEnd < tokens.Count && AddressWords.IsHouseNumber(text, tokens[nameEnd])
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
            return nameEnd > i + 1 && nameEnd < tokens.Count && AddressWords.IsHouseNumber(text, tokens[nameEnd])
                && Tokens.Gap(text, tokens[nameEnd - 1], tokens[nameEnd]) is " " or ", " ? nameEnd + 1 : i;
        }

        // "Koskikatu 25", "Hauptstraße 5a".
        if (token.IsCapitalized(text) && AddressWords.EndsLikeStreet(token.In(text)) && i + 1 < tokens.Count && AddressWords.IsHouseNumber(text, tokens[i + 1])
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
        if (AddressWords.PrefixTypes.Contains(text, tokens[j]) || IsPrefixType(text, tokens[j]))
        {
            var nameEnd = Name(text, tokens, j + 1, requireCapital: true);
            return nameEnd > j + 1 ? nameEnd : i;
        }

        // "6750 Koskikatu 25": a house number before a street written the European way.
        if (Street(text, tokens, j) is var european && european > j && !AddressWords.IsHouseNumber(text, tokens[j]))
        {
            return european;
        }

        if (j < tokens.Count && AddressWords.Directions.Contains(text, tokens[j]) && char.IsUpper(text[tokens[j].Start]))
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

            if (!(token.IsCapitalized(text) || AddressWords.IsOrdinal(text, token)))
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
            if (token.IsCapitalized(text) || AddressWords.IsElided(text, token))
            {
                capitals++;
            }
            else if (!AddressWords.Connectors.Contains(text, token))
            {
                break;
            }

            end++;
        }

        // Connectors at the end belong to the sentence, not the street.
        while (end > start && !tokens[end - 1].IsCapitalized(text) && !AddressWords.IsElided(text, tokens[end - 1]))
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


    private bool IsPrefixType(string text, Token token) =>
        char.IsUpper(text[token.Start]) && (AddressWords.PrefixTypes.Contains(text, token) || _gazetteers.ForeignStreetTypes.Contains(text, token));
}
