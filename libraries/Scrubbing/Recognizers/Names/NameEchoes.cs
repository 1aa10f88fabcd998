using SlmPlatform.Scrubbing.Recognizers.Tagging;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Names the tagger missed that the rest of the same text vouches for (document-level consistency, which a tagger
/// that reads five words at a time cannot see): a word that is part of a name found elsewhere in the text ("directed
/// by Marten Quillby and starring Quillby"), a capitalised word listed beside a one-word name ("Gaetane,
/// Hannah and Andrew"), and a speaker's label in a dialogue whose other speakers are names ("Ubul: …\nNicole: …").
/// </summary>
internal static class NameEchoes
{
    private const double Score = 0.55;
    private const int MinEchoLength = 3;

    private static readonly System.Buffers.SearchValues<char> ValueGlue = System.Buffers.SearchValues.Create("@/\\_=+");

    /// <summary>
    /// Adds the echoed names to <paramref name="tagged"/> (the tagger's spans, in text order), with the rules'
    /// <paramref name="people"/> as evidence too.
    /// </summary>
    public static void Add(string text, List<Token> tokens, TokenInfo[] infos, List<EntityMatch> tagged, IReadOnlyList<EntityMatch> people)
    {
        var found = Evidence(tagged, people);
        if (!found.Exists(m => m.EntityType == EntityTypes.Person))
        {
            return;
        }

        var cover = Cover(tokens, found);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < tokens.Count; k++)
        {
            // Only the parts of a full name vouch for themselves: one word read as a name may be a misreading.
            if (cover[k] >= 0 && found[cover[k]] is { EntityType: EntityTypes.Person } span && span.Start < tokens[k].Start - 1 | span.End > tokens[k].End + 1
                && tokens[k].Length >= MinEchoLength && IsCandidate(text, tokens, infos, k))
            {
                names.Add(Word(text, tokens[k]));
            }
        }

        var added = new bool[tokens.Count];
        for (var k = 0; k < tokens.Count; k++)
        {
            added[k] = cover[k] < 0 && IsCandidate(text, tokens, infos, k) && !IsGlued(text, tokens, k) && names.Contains(Word(text, tokens[k]));
        }

        // Twice, so that a name passes along a list: "Gaetane, Hannah, Anthony" from "Anthony" alone.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var k = 0; k < tokens.Count; k++)
            {
                if (cover[k] < 0 && !added[k] && IsCandidate(text, tokens, infos, k) && !IsGlued(text, tokens, k)
                    && (IsOnePerson(tokens, found, cover, added, ListNeighbour(text, tokens, k, -1)) || IsOnePerson(tokens, found, cover, added, ListNeighbour(text, tokens, k, 1))))
                {
                    added[k] = true;
                }
            }
        }

        AddSpeakers(text, tokens, infos, found, cover, added);
        AddGivenNames(text, tokens, infos, found, cover, tagged);
        for (var k = 0; k < tokens.Count; k++)
        {
            if (added[k])
            {
                var end = NameSpanEdges.IsPossessive(text, tokens[k]) ? tokens[k].End - 2 : tokens[k].End;
                tagged.Add(new EntityMatch(EntityTypes.Person, tokens[k].Start, end - tokens[k].Start, Score));
            }
        }
    }

    // A dialogue written as "Name: line": when one speaker is a name, the others' labels are names too, unless they
    // are a form's field labels ("Phone:", "Address:").
    private static void AddSpeakers(string text, List<Token> tokens, TokenInfo[] infos, List<EntityMatch> found, int[] cover, bool[] added)
    {
        var speakers = new List<int>();
        var anyPerson = false;
        for (var k = 0; k < tokens.Count; k++)
        {
            if (IsLineStart(text, tokens, k) && k + 1 < tokens.Count && Tokens.Gap(text, tokens[k], tokens[k + 1]).StartsWith(":"))
            {
                speakers.Add(k);
                anyPerson |= added[k] || (cover[k] >= 0 && found[cover[k]].EntityType == EntityTypes.Person);
            }
        }

        if (!anyPerson || speakers.Count < 2)
        {
            return;
        }

        foreach (var k in speakers)
        {
            added[k] |= cover[k] < 0 && IsCandidate(text, tokens, infos, k) && !NameContext.IsLabel(text, tokens[k]);
        }
    }

    // "features Sigvard Lindqvist", "Ragnheidur B. Thorsdottir": a capitalised word the lists lack, right before a
    // surname or an initial found as a name, is its given name. Not at a sentence's start ("Producer Simon Hollis"),
    // and not before a known name, which opens a name of its own.
    private static void AddGivenNames(string text, List<Token> tokens, TokenInfo[] infos, List<EntityMatch> found, int[] cover, List<EntityMatch> tagged)
    {
        const LexiconFlags notGiven = LexiconFlags.InPlace | LexiconFlags.CompanyWord | LexiconFlags.FirstName | LexiconFlags.LastName;
        for (var k = 1; k < tokens.Count; k++)
        {
            var given = k - 1;
            if (cover[k] >= 0 && found[cover[k]] is { EntityType: EntityTypes.Person } span && span.Start == tokens[k].Start
                && cover[given] < 0 && Tokens.IsSpace(Tokens.Gap(text, tokens[given], tokens[k]))
                && (tokens[k].Length == 1 || (infos[k].Flags & LexiconFlags.FirstName) == 0)
                && IsCandidate(text, tokens, infos, given) && (infos[given].Flags & notGiven) == 0 && !NameSpanEdges.IsPossessive(text, tokens[given])
                && !OpensSentence(text, tokens, given))
            {
                tagged.Add(new EntityMatch(EntityTypes.Person, tokens[given].Start, span.End - tokens[given].Start, Score));
            }
        }
    }

    // After a full stop, or first in the text: a capital that says nothing. After a colon or a line break it still
    // may ("Name: Vesna Kovač").
    private static bool OpensSentence(string text, List<Token> tokens, int k) =>
        k == 0 || Tokens.Gap(text, tokens[k - 1], tokens[k]).IndexOfAny('.', '!', '?') >= 0;

    private static bool IsLineStart(string text, List<Token> tokens, int k)
    {
        var before = k == 0 ? text.AsSpan(0, tokens[k].Start) : Tokens.Gap(text, tokens[k - 1], tokens[k]);
        var lineBreak = before.LastIndexOfAny('\n', '\r');
        return (k == 0 || lineBreak >= 0) && before[(lineBreak + 1)..].Trim(" \t>*-•").IsEmpty;
    }

    // A capitalised word that is not a common word, a number or an initial.
    private static bool IsCandidate(string text, List<Token> tokens, TokenInfo[] infos, int k) =>
        tokens[k].Length >= 2 && tokens[k].IsCapitalized(text) && !tokens[k].HasDigit(text)
        && (infos[k].Flags & (LexiconFlags.Common | LexiconFlags.Honorific | LexiconFlags.Unit | LexiconFlags.StreetSuffix)) == 0;

    private static string Word(string text, Token token) =>
        NameSpanEdges.IsPossessive(text, token) ? text.Substring(token.Start, token.Length - 2) : text.Substring(token.Start, token.Length);

    // The item next to token k in a list written "A, B and C" (direction -1: before it, 1: after it), or -1.
    private static int ListNeighbour(string text, List<Token> tokens, int k, int direction)
    {
        var near = k + direction;
        if (near < 0 || near >= tokens.Count)
        {
            return -1;
        }

        var (left, right) = direction < 0 ? (near, k) : (k, near);
        if (Tokens.Gap(text, tokens[left], tokens[right]) is ", ")
        {
            return near;
        }

        var far = near + direction;
        if (far < 0 || far >= tokens.Count || tokens[near].In(text) is not ("and" or "or"))
        {
            return -1;
        }

        var (a, b) = direction < 0 ? (far, near) : (near, far);
        var (c, d) = direction < 0 ? (near, k) : (k, near);
        return Tokens.Gap(text, tokens[a], tokens[b]) is " " or ", " && Tokens.Gap(text, tokens[c], tokens[d]) is " " or ", " ? far : -1;
    }

    // A one-word person: a list of names is a list of first names or of surnames, not of full names and firms.
    private static bool IsOnePerson(List<Token> tokens, List<EntityMatch> found, int[] cover, bool[] added, int k)
    {
        if (k < 0)
        {
            return false;
        }

        if (added[k])
        {
            return true;
        }

        return cover[k] >= 0 && found[cover[k]] is { EntityType: EntityTypes.Person } span
            && span.Start == tokens[k].Start && span.End <= tokens[k].End;
    }

    // The tagger's spans and, where the tagger found nothing, the names the rules found, in text order.
    private static List<EntityMatch> Evidence(List<EntityMatch> tagged, IReadOnlyList<EntityMatch> people)
    {
        var all = new List<EntityMatch>(tagged);
        foreach (var person in people)
        {
            if (!tagged.Exists(t => t.Start < person.End && person.Start < t.End))
            {
                all.Add(person);
            }
        }

        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        return all;
    }

    // Joined to a neighbour the way values are ("jane@x.org", "a/b", "x.com", "key:value"): not a word of prose.
    private static bool IsGlued(string text, List<Token> tokens, int k) =>
        (k > 0 && IsTight(Tokens.Gap(text, tokens[k - 1], tokens[k]))) || (k + 1 < tokens.Count && IsTight(Tokens.Gap(text, tokens[k], tokens[k + 1])));

    private static bool IsTight(ReadOnlySpan<char> gap) => gap.IndexOfAny(ValueGlue) >= 0 || gap is "." or ":";

    // The index of the span each token lies in, or -1.
    private static int[] Cover(List<Token> tokens, List<EntityMatch> found)
    {
        var cover = new int[tokens.Count];
        var s = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            while (s < found.Count && found[s].End <= tokens[k].Start)
            {
                s++;
            }

            cover[k] = s < found.Count && found[s].Start <= tokens[k].Start ? s : -1;
        }

        return cover;
    }
}
