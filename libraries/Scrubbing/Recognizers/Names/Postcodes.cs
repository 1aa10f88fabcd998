namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Postcode shapes of the countries the gazetteers cover.</summary>
internal static class Postcodes
{
    /// <summary>"62704", "62704-1234", "SW1A 1AA", "K1A 0B1", "1010".</summary>
    internal static bool IsPostcode(string text, List<Token> tokens, int index, out int end)
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

    internal static bool IsUpperAlnum(ReadOnlySpan<char> value)
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
}
