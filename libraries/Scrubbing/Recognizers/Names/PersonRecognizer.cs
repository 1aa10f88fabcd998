namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds people's names with first- and last-name gazetteers (Bogus's locale data, every Latin-script locale),
/// capitalisation and context words. No model: docs/adr/0003 says why and what it misses.
/// </summary>
/// <remarks>
/// A run of capitalised words counts as a name when it starts with a known first name and goes on with a known
/// name or an unknown capitalised word ("Ana Koskinen"); when an unknown word is followed by a known surname; after
/// a title ("Dr. Okafor") or a context word ("my name is …", "Dear …", "Patient: …"). A known first name alone
/// counts unless it is also a common English word ("Will", "May", "Hope"), which needs context.
/// </remarks>
public sealed partial class PersonRecognizer : IRecognizer
{
    private const int MaxWords = 4;
    private const double TitledScore = 0.85;
    private const double ContextScore = 0.85;
    private const double KnownPairScore = 0.85;
    private const double PartlyKnownScore = 0.7;
    private const double FirstNameAloneScore = 0.6;
    private const double LowerCaseScore = 0.6;

    // The tagger reads the names found here as evidence for the rest of the text (NameEchoes); in the pipeline both
    // run one after the other on the same string on one thread, so the last result is kept rather than recomputed.
    [ThreadStatic]
    private static string? t_lastText;

    [ThreadStatic]
    private static List<EntityMatch>? t_lastFound;

    private readonly Gazetteers _gazetteers = Gazetteers.Instance;

    /// <summary>Drops this thread's kept result, and with it the reference to the text.</summary>
    internal static void ForgetLastText() => (t_lastText, t_lastFound) = (null, null);

    /// <summary>The names this recognizer finds in <paramref name="text"/>.</summary>
    internal static IReadOnlyList<EntityMatch> FoundIn(string text) =>
        ReferenceEquals(text, t_lastText) && t_lastFound is not null ? t_lastFound : (List<EntityMatch>)new PersonRecognizer().Recognize(text);

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokens.Split(text);
        var found = new List<EntityMatch>();
        var lowerCaseText = !text.AsSpan().ContainsAnyInRange('A', 'Z');
        var i = 0;
        while (i < tokens.Count)
        {
            var next = Examine(text, tokens, i, found, lowerCaseText);
            i = Math.Max(next, i + 1);
        }

        t_lastText = text;
        t_lastFound = found;
        return found;
    }

    /// <summary>Looks for a name starting at token <paramref name="i"/>; returns the index to go on from.</summary>
    private int Examine(string text, List<Token> tokens, int i, List<EntityMatch> found, bool lowerCaseText)
    {
        var token = tokens[i];
        if (token.IsLower(text) && LowerCaseName(text, tokens, i, lowerCaseText) is > 0 and var lowerEnd)
        {
            found.Add(Span(text, tokens, i, lowerEnd, LowerCaseScore));
            return lowerEnd;
        }

        if (!token.IsCapitalized(text) || token.HasDigit(text))
        {
            return i + 1;
        }

        if (NameContext.Honorifics.Contains(text, token) && i + 1 < tokens.Count
            && Tokens.IsSpaceOrDot(Tokens.Gap(text, token, tokens[i + 1])))
        {
            return AfterTitle(text, tokens, i, found);
        }

        var end = ExtendRun(text, tokens, i);
        return end == i ? i + 1 : ExamineRun(text, tokens, i, end, found);
    }

    /// <summary>The capitalised run after a title ("Dr", "Mrs.") is a name.</summary>
    private int AfterTitle(string text, List<Token> tokens, int title, List<EntityMatch> found)
    {
        var end = ExtendRun(text, tokens, title + 1);
        if (end == title + 1)
        {
            return title + 1;
        }

        found.Add(Span(text, tokens, title + 1, end, TitledScore));
        return end;
    }

    /// <summary>
    /// A run of capitalised words from <paramref name="i"/> to <paramref name="end"/> is a name after a context that
    /// announces one, when its first two words are known or partly known names, or — its first word alone — when that
    /// word is a known first name and nothing makes it a place or a unit.
    /// </summary>
    private int ExamineRun(string text, List<Token> tokens, int i, int end, List<EntityMatch> found)
    {
        var token = tokens[i];
        var common = CommonWords.Set.Contains(text, token);
        if (NameContext.PrecedesName(text, tokens, i, more: true))
        {
            if (common && !_gazetteers.IsName(text, token))
            {
                return i + 1;
            }

            found.Add(Span(text, tokens, i, end, ContextScore));
            return end;
        }

        // "West William", "Lake Jessica": the shape of a place, not of a name.
        if (LocationRecognizer.PrefixWords.Contains(text, token))
        {
            return i + 1;
        }

        var isFirst = _gazetteers.FirstNames.Contains(text, token);
        if (end - i >= 2 && RunScore(text, tokens, i, end, isFirst, common) is { } score)
        {
            found.Add(Span(text, tokens, i, end, score));
            return end;
        }

        if (isFirst && !common && !IsPlace(text, tokens, i) && !NameFalseAlarms.IsUnitAfterNumber(text, tokens, i))
        {
            found.Add(Span(text, tokens, i, i + 1, FirstNameAloneScore));
        }

        return i + 1;
    }

    /// <summary>How sure a run of two or more words is a name, by what is known of its first two words; null when it is not one.</summary>
    private double? RunScore(string text, List<Token> tokens, int i, int end, bool isFirst, bool common)
    {
        var token = tokens[i];
        var second = tokens[i + 1];
        var secondCommon = CommonWords.Set.Contains(text, second);
        if ((isFirst || _gazetteers.LastNames.Contains(text, token)) && _gazetteers.IsName(text, second) && !(common && secondCommon))
        {
            return KnownPairScore;
        }

        if ((isFirst && !common && !secondCommon) || (!common && _gazetteers.LastNames.Contains(text, second) && !secondCommon))
        {
            return PartlyKnownScore;
        }

        return end - i >= 3 && !common && IsMiddleInitial(text, tokens, i, isFirst) ? PartlyKnownScore : null;
    }

    /// <summary>The end of the run of name-like capitalised words from <paramref name="start"/> (itself if none).</summary>
    private int ExtendRun(string text, List<Token> tokens, int start)
    {
        var end = start;
        while (end < tokens.Count && end - start < MaxWords)
        {
            var token = tokens[end];
            // A dot joins only an initial to what follows ("J. Smith"); after a word it ends the sentence.
            var gap = end > start ? Tokens.Gap(text, tokens[end - 1], token) : [];
            if (end > start && !(Tokens.IsSpace(gap) || (Tokens.IsSpaceOrDot(gap) && tokens[end - 1].Length == 1)))
            {
                break;
            }

            if (!IsNameLike(text, tokens, end, first: end == start))
            {
                break;
            }

            end++;

            // "Yefremova's Cautionary Tales": what follows an owner is what it owns.
            if (NameSpanEdges.IsPossessive(text, token))
            {
                break;
            }
        }

        return end;
    }

    private bool IsNameLike(string text, List<Token> tokens, int index, bool first)
    {
        var token = tokens[index];
        if (!token.IsCapitalized(text) || token.HasDigit(text) || NameContext.Honorifics.Contains(text, token) && !first)
        {
            return false;
        }

        if (first || _gazetteers.IsName(text, token))
        {
            return true;
        }

        // An unknown word continues a name unless it is an ordinary word, a street or company word, or a place.
        return !CommonWords.Set.Contains(text, token)
            && !AddressWords.Units.Contains(text, token)
            && !_gazetteers.StreetSuffixes.Contains(text, token)
            && !OrganizationRecognizer.IsCompanyWord(text, token)
            && !IsPlace(text, tokens, index);
    }

    /// <summary>
    /// "Zinaida K. Orlova", "Timur V Baranov": a word, an initial and a word are a name in any language. Without the
    /// dot one of the names must be known ("Vitamin D Supplements", "Plan B Options" are no names).
    /// </summary>
    private bool IsMiddleInitial(string text, List<Token> tokens, int i, bool isFirst)
    {
        var initial = tokens[i + 1];
        var last = tokens[i + 2];
        if (initial.Length != 1 || !char.IsUpper(text[initial.Start]) || CommonWords.Set.Contains(text, last) || NameSpanEdges.IsPossessive(text, tokens[i]))
        {
            return false;
        }

        var dotted = initial.End < text.Length && text[initial.End] == '.';
        return dotted || isFirst || _gazetteers.LastNames.Contains(text, last);
    }

    private bool IsPlace(string text, List<Token> tokens, int index) => _gazetteers.Places.Match(text, tokens, index) > 0;

    // "Conor Whitlock's critics": the possessive is not part of the name (as in OntoNotes), and leaving it out keeps
    // the surrogate readable ("Jane Doe's").
    private static EntityMatch Span(string text, List<Token> tokens, int first, int end, double score)
    {
        var stop = NameSpanEdges.IsPossessive(text, tokens[end - 1]) ? tokens[end - 1].End - 2 : tokens[end - 1].End;
        return new(EntityTypes.Person, tokens[first].Start, stop - tokens[first].Start, score);
    }
}
