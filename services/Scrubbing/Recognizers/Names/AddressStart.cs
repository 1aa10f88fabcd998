namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// What may stand before the street in an address: a building or lot number before the house number ("975 3968 Bay
/// Street", "450 Præstevænget 15") and a flat before the building ("Apt. 675 62314 Mellemvej 32"), as forms and
/// exports that join address fields write them.
/// </summary>
internal static class AddressStart
{
    private const int MaxLeadingNumbers = 2;
    private const int MaxDigits = 6;

    /// <summary>The first token of the address whose street starts at token <paramref name="start"/>.</summary>
    public static int Extend(string text, List<Token> tokens, int start)
    {
        var first = start;
        while (start - first < MaxLeadingNumbers && first > 0 && IsLeadingNumber(text, tokens, first - 1, tokens[first]))
        {
            first--;
        }

        // A number glued to a longer run of numbers is a phone number or an identifier, not a building.
        if (first < start && first > 0 && tokens[first - 1].IsAllDigits(text) && Tokens.Gap(text, tokens[first - 1], tokens[first]) is " " or "-")
        {
            return start;
        }

        if (first < start && text.AsSpan(0, tokens[first].Start).TrimEnd(' ') is [.., '+' or '(' or '#' or '-' or '/' or '.'])
        {
            return start;
        }

        // "Apt. 675 62314 Mellemvej 32": the flat written before the building.
        if (first >= 1 && first < start && AddressWords.Units.Contains(text, tokens[first - 1]) && char.IsUpper(text[tokens[first - 1].Start])
            && Tokens.Gap(text, tokens[first - 1], tokens[first]) is " " or ". ")
        {
            first--;
        }

        return first;
    }

    private static bool IsLeadingNumber(string text, List<Token> tokens, int index, Token next) =>
        tokens[index].IsAllDigits(text) && tokens[index].Length <= MaxDigits && Tokens.Gap(text, tokens[index], next) is " ";
}
