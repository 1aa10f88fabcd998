using SlmPlatform.Scrubbing.Recognizers.Tagging;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds people, places, street addresses and organisations with a token classifier (an averaged perceptron over
/// hashed word, shape, punctuation and gazetteer features) that this library trains at first use on sentences it
/// generates from templates and Bogus's name and place lists. It generalises where the lists and rules stop: names
/// the lists lack, address formats the rules do not know (docs/adr/0006).
/// </summary>
public sealed class NameTaggerRecognizer : IRecognizer
{
    // A span's score grows with the perceptron's margin (its weakest token's best score over the runner-up's):
    // MinScore at a tie, MidScore at HalfMargin, towards MaxScore beyond. Measured on the Presidio set, the margin
    // alone did not separate false alarms from names well enough to serve as a cut-off (docs/adr/0006), so it only
    // ranks: it is the score the scrub API reports and what breaks ties between overlapping spans of equal length.
    private const double MinScore = 0.5;
    private const double MaxScore = 0.9;
    private const float HalfMargin = 16f;
    private const int MaxJoinGap = 4;

    private static readonly System.Buffers.SearchValues<char> Spaces = System.Buffers.SearchValues.Create(" \t\r\n,");
    private static readonly System.Buffers.SearchValues<char> Glue = System.Buffers.SearchValues.Create("@:/_=\\()+");

    private readonly SequenceTagger _tagger = TaggerModel.Instance;

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var original = text;
        var tokens = Tokens.Split(text);
        text = LineMarkers.Blank(text);
        var tags = _tagger.Tag(text, tokens, out var infos, out var margins);
        var found = new List<EntityMatch>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (EntityTags.ToEntityType(tags[i]) is not { } type || IsGlued(text, tokens, i))
            {
                i++;
                continue;
            }

            var end = i + 1;
            while (end < tokens.Count && tags[end] == tags[i] && !IsGlued(text, tokens, end) && Joins(text, tokens[end - 1], tokens[end], tags[i]))
            {
                end++;
            }

            var next = end;
            if (tags[i] == EntityTag.StreetAddress)
            {
                // The numbers before the house number are glued to it ("975 3968 Bay Street"), so the tagger
                // leaves them out: they are taken here, with the checks a phone number would fail.
                var start = AddressStart.Extend(text, tokens, WithoutNameLines(text, tokens, infos, i, end));
                if (IsPlausibleAddress(text, tokens, start, end))
                {
                    found.Add(new EntityMatch(type, tokens[start].Start, tokens[end - 1].End - tokens[start].Start, Confidence(margins, i, end)));
                }
            }
            else
            {
                // What follows an owner's possessive is a name again only with a known name in it ("Panjiva's Riku
                // Andou", not "Yefremova's Cautionary Tales").
                var afterOwner = i > 0 && tags[i - 1] == tags[i] && NameSpanEdges.IsPossessive(text, tokens[i - 1]);
                end = next = NameSpanEdges.StopAtPossessive(text, tokens, i, end);
                var start = i;
                NameSpanEdges.Trim(text, tokens, infos, tags[i], ref start, ref end);
                if ((!afterOwner || HasKnownName(infos, start, end))
                    && !NameFalseAlarms.IsFalseAlarm(text, tokens, start, end)
                    && IsPlausibleName(text, tokens, infos, tags[i], start, end) && IsPlausiblePlace(text, tokens, infos, tags[i], start, end))
                {
                    var stop = NameSpanEdges.IsPossessive(text, tokens[end - 1]) ? tokens[end - 1].End - 2 : tokens[end - 1].End;
                    found.Add(new EntityMatch(type, tokens[start].Start, stop - tokens[start].Start, Confidence(margins, start, end)));
                }
            }

            i = next;
        }

        NameEchoes.Add(text, tokens, infos, found, PersonRecognizer.FoundIn(original));
        return found;
    }

    /// <summary>
    /// An address opens with its street line; lines before it with no number and no street word are the name and
    /// firm of an address block ("Irina Solovyova\n18 Elm gate 4"), which the tagger sometimes runs into.
    /// </summary>
    private static int WithoutNameLines(string text, List<Token> tokens, TokenInfo[] infos, int start, int end)
    {
        const LexiconFlags streetWords = LexiconFlags.StreetSuffix | LexiconFlags.ForeignStreetType | LexiconFlags.StreetPrefixType
            | LexiconFlags.StreetEnding | LexiconFlags.Unit | LexiconFlags.HouseNumber | LexiconFlags.Postcode;
        var lineStart = start;
        for (var k = start; k < end; k++)
        {
            if ((infos[k].Flags & streetWords) != 0 || tokens[k].HasDigit(text) || AddressWords.IsMilitaryWord(text, tokens[k]))
            {
                return lineStart;
            }

            if (k + 1 < end && Tokens.Gap(text, tokens[k], tokens[k + 1]).IndexOfAny('\n', '\r') >= 0)
            {
                lineStart = k + 1;
            }
        }

        return start;
    }

    private static bool HasKnownName(TokenInfo[] infos, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            if ((infos[k].Flags & (LexiconFlags.FirstName | LexiconFlags.LastName)) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private static double Confidence(float[] margins, int start, int end)
    {
        var margin = float.MaxValue;
        for (var k = start; k < end; k++)
        {
            margin = Math.Min(margin, margins[k]);
        }

        return MinScore + ((MaxScore - MinScore) * margin / (margin + HalfMargin));
    }

    /// <summary>
    /// A name or place needs one word that is not a common word and is capitalised ("Can I" and "one" are no
    /// names), or, in lower case, two known names ("monique laverdiere") or a known name after a name context
    /// ("my name is jessica"). A single unknown capitalised word that opens a sentence counts: refusing it costs more
    /// recall ("Shovda is very reliable") than it gains precision.
    /// </summary>
    private static bool IsPlausibleName(string text, List<Token> tokens, TokenInfo[] infos, EntityTag tag, int start, int end)
    {
        const LexiconFlags known = LexiconFlags.FirstName | LexiconFlags.LastName | LexiconFlags.InPlace;
        var knownLower = 0;
        for (var k = start; k < end; k++)
        {
            var flags = infos[k].Flags;
            if ((flags & LexiconFlags.Common) != 0 || tokens[k].Length < 2)
            {
                continue;
            }

            // Postal practice writes towns in capitals ("SEINÄJOKI"); a name in capitals is rarer than an acronym.
            if (tokens[k].IsCapitalized(text) || (tag == EntityTag.Location && tokens[k].Length > 2 && tokens[k].IsAllCapitals(text)))
            {
                return true;
            }

            knownLower += (flags & known) != 0 ? 1 : 0;
        }

        return knownLower >= 2 || (knownLower == 1 && (infos[start].Flags & LexiconFlags.NameContext) != 0);
    }

    /// <summary>
    /// One word the gazetteers do not know as a place and that is not shaped like one ("…ville", "Port …") is a
    /// place only after a phrase that places it ("flew to", "grew up in"); a weaker context ("assistant of Acme") is
    /// not enough alone.
    /// </summary>
    private static bool IsPlausiblePlace(string text, List<Token> tokens, TokenInfo[] infos, EntityTag tag, int start, int end)
    {
        const LexiconFlags placeLike = LexiconFlags.InPlace | LexiconFlags.PlaceEnding | LexiconFlags.PlacePrefix | LexiconFlags.AreaWord;
        return tag != EntityTag.Location || end - start > 1 || (infos[start].Flags & placeLike) != 0
            || LocationRecognizer.HasStrongContext(text, tokens, start);
    }

    /// <summary>
    /// An address has a number (house, postcode or box) and a capitalised name word: "Main Street" alone is a place
    /// name, and "value +44 25 6875 8235 here" is a phone number with words around it, not a street, and a unit after a
    /// number ("300 Kelvin") names nothing.
    /// </summary>
    private static bool IsPlausibleAddress(string text, List<Token> tokens, int start, int end)
    {
        var number = false;
        var name = false;
        for (var k = start; k < end; k++)
        {
            number |= tokens[k].HasDigit(text);
            name |= tokens[k].Length > 1 && tokens[k].IsCapitalized(text) && !NameFalseAlarms.IsUnitAfterNumber(text, tokens, k);
        }

        return number && name;
    }

    /// <summary>
    /// A token glued to its neighbour by punctuation ("10.0.0.1", "jane@example.com", "2001:db8::1") is part of a
    /// structured value, which the structured recognizers own; the tagger would read its digits as a house number.
    /// </summary>
    private static bool IsGlued(string text, List<Token> tokens, int i) =>
        (i > 0 && IsGlue(text, tokens[i - 1], tokens[i])) || (i + 1 < tokens.Count && IsGlue(text, tokens[i], tokens[i + 1]));

    // "P.O. Box" and "St.Louis" stay words: a dot glues only digits ("10.0.0.1") or a lower-case word after it
    // ("example.com"); at signs, colons, slashes, underscores, equals signs, brackets and plus signs always glue, and
    // so does a space or dash between two numbers ("(579) 888-3058", "+44 25 6875 8235"): phone numbers, which the
    // phone recognizers own; the overlap resolver would otherwise name the merged span an address.
    private static bool IsGlue(string text, Token left, Token right)
    {
        var gap = Tokens.Gap(text, left, right);
        if (gap.IndexOfAny(Glue) >= 0 || (left.IsAllDigits(text) && right.IsAllDigits(text) && gap is " " or "-" or "." or ") " or ")"))
        {
            return true;
        }

        if (gap.Length == 0 || gap.IndexOfAny(Spaces) >= 0)
        {
            return false;
        }

        return gap is "." && ((left.HasDigit(text) && right.HasDigit(text)) || right.IsLower(text));
    }

    // An address runs over commas and line breaks; a name, place or organisation ends at a line break ("Ella Snider\n
    // Otc Markets" are two entities) and at a sentence's end: a dot joins only an initial or an abbreviation to what
    // follows ("J. Smith", "Dr. Okafor", "St. Louis"), not a word ("Kate Begum. What's").
    internal static bool Joins(string text, Token left, Token right, EntityTag tag)
    {
        var gap = Tokens.Gap(text, left, right);
        // Indentation does not part two lines of an address block ("\n    Apt. 595"); other characters do.
        if (gap.Length - gap.Count(' ') > MaxJoinGap || gap.Contains("\n\n", StringComparison.Ordinal))
        {
            return false;
        }

        if (tag == EntityTag.StreetAddress)
        {
            return true;
        }

        // "Hannah, Anthony": a comma separates people; places ("Springfield, IL") and firms ("Owens, Duran and
        // Oneal") run over it. In lower case the run is kept whole: two known names vouch for each other there.
        if (gap.IndexOfAny('!', '?', ';') >= 0 || gap.IndexOfAny('\n', '\r') >= 0
            || (tag == EntityTag.Person && gap.Contains(',') && char.IsUpper(text[right.Start])))
        {
            return false;
        }

        return !gap.Contains('.') || left.Length <= 2 || NameContext.Honorifics.Contains(text, left) || LocationRecognizer.PrefixWords.Contains(text, left);
    }
}
