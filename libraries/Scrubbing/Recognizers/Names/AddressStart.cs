namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// What may stand before the street in an address: a building or lot number before the house number ("975 3968 Bay
/// Street", "450 Præstevænget 15") and a flat before the building ("Apt. 675 62314 Mellemvej 32"), as forms and
/// exports that join address fields write them.
/// </summary>
internal static class AddressStart
{
    private const int MaxDigits = 6;

    /// <summary>The first token of the address whose street starts at token <paramref name="start"/>.</summary>
    /// <remarks>
    /// One number before a house number; two before a street that starts with its name ("541 6343 Skogstien 106",
    /// where the tagger leaves out both, glued as they are).
    /// </remarks>
    public static int Extend(string text, List<Token> tokens, int start)
    {
        var numbers = tokens[start].HasDigit(text) ? 1 : 2;
        var first = start;
        while (start - first < numbers && first > 0 && IsLeadingNumber(text, tokens, first - 1, tokens[first]))
        {
            first--;
        }

        // A number glued to a longer run of numbers ("555 0134 12 Elm Street") is a phone number or an identifier, and
        // one after a dotted number ("version 1.2 345") a version: neither is a building.
        if (first < start && first > 0 && tokens[first - 1].IsAllDigits(text) && Tokens.Gap(text, tokens[first - 1], tokens[first]) is " " or "-")
        {
            return start;
        }

        if (first < start && text.AsSpan(0, tokens[first].Start).TrimEnd(' ') is [.., '+' or '(' or '#' or '-' or '/'] or [.., >= '0' and <= '9', '.'])
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
