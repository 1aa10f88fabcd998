using SlmPlatform.Scrubbing.Recognizers.Tagging;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Where a name, place or organisation the tagger found should start and end: the greedy tagger carries a tag one
/// word too far ("Asya spent", "ex-Zombie Kastner", "Marta Lebedeva Apt") or over a possessive into what the person
/// owns ("Yefremova's Cautionary Tales"); these words are no part of the name in any of the types.
/// </summary>
internal static class NameSpanEdges
{
    private static readonly WordSet Particles = new(
        ["van", "von", "de", "del", "della", "der", "den", "di", "da", "do", "dos", "das", "du", "la", "le", "ten", "ter", "bin", "ibn", "al", "el", "y"]);

    /// <summary>True where <paramref name="token"/> ends in a possessive ("Maclean's").</summary>
    public static bool IsPossessive(string text, Token token)
    {
        var word = token.In(text);
        return word.Length > 3 && word[^2] is '\'' or '\u2019' && word[^1] is 's' or 'S';
    }

    /// <summary>
    /// The end of a span that stops after its first possessive word: "Acmetrix's Kenta Morishita" is an owner and what it
    /// owns, two things, not one name.
    /// </summary>
    public static int StopAtPossessive(string text, List<Token> tokens, int start, int end)
    {
        for (var k = start; k < end - 1; k++)
        {
            if (IsPossessive(text, tokens[k]))
            {
                return k + 1;
            }
        }

        return end;
    }

    /// <summary>
    /// Drops words at the edges that cannot belong to the span: around a person's name written with capitals, lower-case
    /// words other than particles ("spent", "ex-") and a unit word ("Apt", "Suite": the address that follows); after
    /// any name, letters of another script (mis-decoded punctuation such as "ג€“" after a Latin name). Places keep
    /// their lower-case words ("Novo mesto", "Begunje na Gorenjskem").
    /// </summary>
    public static void Trim(string text, List<Token> tokens, TokenInfo[] infos, EntityTag tag, ref int start, ref int end)
    {
        var person = tag == EntityTag.Person && HasCapital(text, tokens, start, end);
        // "Christian Le gall": a surname after a particle may be written in lower case.
        while (end - start > 1 && person && ((tokens[end - 1].IsLower(text) && !Particles.Contains(text, tokens[end - 2]))
            || (infos[end - 1].Flags & LexiconFlags.Unit) != 0))
        {
            end--;
        }

        // A particle opens a surname ("van Gijn", "de la Cruz"); other lower-case words before a name do not.
        while (end - start > 1 && person && tokens[start].IsLower(text) && !Particles.Contains(text, tokens[start]))
        {
            start++;
        }

        var latin = IsLatin(text[tokens[start].Start]);
        while (end - start > 1 && IsLatin(text[tokens[end - 1].Start]) != latin)
        {
            end--;
        }
    }

    private static bool HasCapital(string text, List<Token> tokens, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if (char.IsUpper(text[tokens[k].Start]))
            {
                return true;
            }
        }

        return false;
    }

    // Latin letters, with their accented and extended forms, and digits: the scripts the gazetteers hold.
    private static bool IsLatin(char c) => c < '\u0250' || c is >= '\u1E00' and < '\u1F00';
}
