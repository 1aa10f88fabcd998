namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>Computes <see cref="TokenInfo"/> for every token of a text: word and shape hashes, gaps and gazetteer flags.</summary>
internal static class TokenInfos
{
    private const int MaxShapeRun = 4;
    private const int MaxGapChars = 4;

    public static TokenInfo[] Compute(string text, List<Token> tokens)
    {
        var flags = new LexiconFlags[tokens.Count];
        MarkPhrases(text, tokens, flags);
        var infos = new TokenInfo[tokens.Count];
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var word = token.In(text);
            var f = flags[i] | WordFlags(text, tokens, i);
            infos[i] = new TokenInfo(
                FeatureHash.Lower(word),
                Shape(word, collapse: false),
                Shape(word, collapse: true),
                word.Length > 3 ? FeatureHash.Lower(word[..3]) : 0,
                word.Length > 2 ? FeatureHash.Lower(word[^2..]) : 0,
                word.Length > 3 ? FeatureHash.Lower(word[^3..]) : 0,
                word.Length > 4 ? FeatureHash.Lower(word[^4..]) : 0,
                i == 0 ? FeatureHash.Lower("^") : Gap(text.AsSpan(tokens[i - 1].End, token.Start - tokens[i - 1].End)),
                f);
        }

        return infos;
    }

    // Multi-word places ("Buenos Aires", "Bosnia and Herzegovina") mark every token they cover.
    private static void MarkPhrases(string text, List<Token> tokens, LexiconFlags[] flags)
    {
        var gazetteers = Gazetteers.Instance;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!char.IsUpper(text[tokens[i].Start]))
            {
                continue;
            }

            var place = gazetteers.Places.Match(text, tokens, i);
            if (place == 0)
            {
                continue;
            }

            flags[i] |= LexiconFlags.PlaceStart;
            Mark(flags, i, place, LexiconFlags.InPlace);
            Mark(flags, i, gazetteers.WellKnownPlaces.Match(text, tokens, i), LexiconFlags.InWellKnownPlace);
            Mark(flags, i, gazetteers.Countries.Match(text, tokens, i), LexiconFlags.InCountry);
        }
    }

    private static void Mark(LexiconFlags[] flags, int start, int count, LexiconFlags flag)
    {
        for (var k = start; k < start + count; k++)
        {
            flags[k] |= flag;
        }
    }

    private static LexiconFlags WordFlags(string text, List<Token> tokens, int i)
    {
        var token = tokens[i];
        var word = token.In(text);
        var f = LexiconFlags.None;
        if (token.HasDigit(text))
        {
            f |= AddressWords.IsHouseNumber(text, token) ? LexiconFlags.HouseNumber : 0;
            f |= Postcodes.IsPostcode(text, tokens, i, out _) ? LexiconFlags.Postcode : 0;
            return f;
        }

        var listed = WordLexicon.Instance.Of(word);
        f |= listed & ~LexiconFlags.StateCode;
        f |= OrganizationRecognizer.IsCompanyWord(text, token) ? LexiconFlags.CompanyWord : 0;
        f |= LocationRecognizer.EndsLikePlace(word) ? LexiconFlags.PlaceEnding : 0;
        f |= AddressWords.EndsLikeStreet(word) ? LexiconFlags.StreetEnding : 0;
        f |= token.Length <= 3 && (listed & LexiconFlags.StateCode) != 0 && word.IndexOfAnyInRange('a', 'z') < 0 ? LexiconFlags.StateCode : 0;
        f |= Tokens.StartsSentence(text, token) ? LexiconFlags.SentenceStart : 0;
        f |= NameContext.PrecedesName(text, tokens, i) ? LexiconFlags.NameContext : 0;
        return f;
    }

    /// <summary>"Xxxxx" → "Xxxx" (runs capped) or "Xx" (runs collapsed); digits are d, other characters stay.</summary>
    private static uint Shape(ReadOnlySpan<char> word, bool collapse)
    {
        var hash = FeatureHash.Start;
        var previous = '\0';
        var run = 0;
        foreach (var c in word)
        {
            var kind = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            run = kind == previous ? run + 1 : 1;
            previous = kind;
            if (run == 1 || (!collapse && run <= MaxShapeRun))
            {
                hash = FeatureHash.Add(hash, kind);
            }
        }

        return hash;
    }

    /// <summary>The punctuation between two tokens, spaces dropped and a line break kept: ", ", "\n", ". ", "" for a space.</summary>
    private static uint Gap(ReadOnlySpan<char> gap)
    {
        var hash = FeatureHash.Start;
        var kept = 0;
        foreach (var c in gap)
        {
            if (c is ' ' or '\t' or '\r' || kept >= MaxGapChars)
            {
                continue;
            }

            hash = FeatureHash.Add(hash, c);
            kept++;
        }

        return hash;
    }
}
