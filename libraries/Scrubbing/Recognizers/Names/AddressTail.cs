namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>What follows a street in an address: the flat, then city, state, postcode and country while they look like address parts.</summary>
internal static class AddressTail
{
    private const int MaxTailParts = 7;

    /// <summary>"Apt. 864", "Suite 200", "#5" after the street.</summary>
    internal static int Unit(string text, List<Token> tokens, int end)
    {
        // The flat on a line of its own ("12 Elm Street\n Suite 292") as often as after a comma.
        if (end + 1 < tokens.Count && AddressWords.Units.Contains(text, tokens[end]) && char.IsUpper(text[tokens[end].Start])
            && (Tokens.Gap(text, tokens[end - 1], tokens[end]) is " " or ", " or ". " or "., " || IsLineBreak(Tokens.Gap(text, tokens[end - 1], tokens[end])))
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
    internal static int Tail(string text, List<Token> tokens, int end)
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
            afterPostcode = next > end && Postcodes.IsPostcode(text, tokens, end, out _);
            if (next == end)
            {
                break;
            }

            end = next;
        }

        return end;
    }

    private static int TailPart(string text, List<Token> tokens, int index, bool breaks, ReadOnlySpan<char> gap)
    {
        var token = tokens[index];
        if (Postcodes.IsPostcode(text, tokens, index, out var postcodeEnd))
        {
            return postcodeEnd;
        }

        if (gap is "-" or " - ")
        {
            return index;
        }

        // A state or region code: a known one, or any two or three capitals followed by a postcode ("HH 39826").
        if (token.Length is 2 or 3 && token.In(text).IndexOfAnyExceptInRange('A', 'Z') < 0
            && (Gazetteers.Instance.StateAbbreviations.Contains(text, token)
                || (index + 1 < tokens.Count && Tokens.IsSpace(Tokens.Gap(text, token, tokens[index + 1])) && Postcodes.IsPostcode(text, tokens, index + 1, out _))))
        {
            return index + 1;
        }

        if (Gazetteers.Instance.Places.Match(text, tokens, index) is > 0 and var place && char.IsUpper(text[token.Start]))
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

    private static bool IsLineBreak(ReadOnlySpan<char> gap) => gap.Trim(" \t,").Trim("\r\n").IsEmpty && gap.IndexOfAny('\n', '\r') >= 0 && gap.Count('\n') == 1;

    internal static bool IsAddressGap(ReadOnlySpan<char> gap, out bool breaks)
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
}
