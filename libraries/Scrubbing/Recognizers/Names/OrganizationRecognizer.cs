using System.Collections.Frozen;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Finds organisations by their legal or generic suffix ("Acme Widgets Inc.", "Koch and Sons", "University of
/// Oslo"), by the shape of law-firm names ("Hahn, Kemmer and Ward") and after context words ("works at …").
/// </summary>
/// <remarks>
/// Brand names with no suffix and no context ("Persint") are not found; docs/adr/0003 records the cost.
/// </remarks>
public sealed class OrganizationRecognizer : IRecognizer
{
    private const int MaxWords = 4;
    private const double SuffixScore = 0.85;
    private const double FirmScore = 0.7;
    private const double ContextScore = 0.6;

    // Written as registered: "AS" is a Norwegian company, "as" is a word.
    private static readonly FrozenSet<string> ExactSuffixes = FrozenSet.Create(
        StringComparer.Ordinal,
        "Inc", "LLC", "Ltd", "Corp", "Co", "GmbH", "AG", "SA", "S.A", "plc", "PLC", "LLP", "LP", "AB", "AS", "ASA", "Oy",
        "Oyj", "NV", "BV", "SpA", "Srl", "SRL", "KG", "Pty", "SE", "SAS", "SARL", "Sarl", "Ltda", "Bros", "Inc.", "Ltd.");

    private static readonly WordSet SuffixWords = new(
    [
        "corporation", "company", "incorporated", "limited", "group", "holdings", "partners", "associates", "bank",
        "technologies", "technology", "systems", "solutions", "industries", "enterprises", "labs", "laboratories",
        "foundation", "institute", "university", "college", "hospital", "clinic", "agency", "consulting", "services",
        "international", "ventures", "capital", "media", "studios", "pharmaceuticals", "pharma", "motors", "airlines",
        "sons", "brothers", "insurance", "logistics", "networks", "software", "communications", "electronics",
        "manufacturing", "construction", "restaurants", "hotels", "resorts", "trust", "fund", "society", "association",
        "council", "ministry", "department", "school", "academy", "center", "centre", "gmbh",
    ]);

    /// <summary>Words after which "of …" continues the name: "University of Oslo", "Bank of Montreal".</summary>
    private static readonly WordSet OfWords = new(["university", "bank", "institute", "college", "school", "academy", "ministry", "department", "society", "association", "council", "museum"]);

    private static readonly WordPairs Contexts = new(
    [
        ("work", "at"), ("works", "at"), ("worked", "at"), ("working", "at"), ("work", "for"), ("works", "for"),
        ("worked", "for"), ("working", "for"), ("employed", "by"), ("employed", "at"), ("job", "at"), ("intern", "at"),
        ("interned", "at"), ("ceo", "of"), ("cto", "of"), ("cfo", "of"), ("founder", "of"), ("president", "of"),
        ("director", "of"), ("manager", "at"), ("engineer", "at"), ("account", "with"), ("customer", "of"),
        ("employee", "of"), ("employer", "is"), ("company", "is"), ("hired", "by"), ("acquired", "by"),
        ("partnership", "with"), ("subsidiary", "of"), ("shares", "of"), ("stock", "of"), ("joined", "the"),
    ]);

    private readonly Gazetteers _gazetteers = Gazetteers.Instance;

    internal static bool IsCompanyWord(string text, Token token) =>
        ExactSuffixes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token.In(text)) || SuffixWords.Contains(text, token);

    public IEnumerable<EntityMatch> Recognize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Tokens.Split(text);
        var found = new List<EntityMatch>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = Examine(text, tokens, i, found);
            if (end > i)
            {
                i = end - 1;
            }
        }

        return found;
    }

    private int Examine(string text, List<Token> tokens, int i, List<EntityMatch> found)
    {
        var token = tokens[i];
        if (!char.IsUpper(text[token.Start]))
        {
            return i;
        }

        // A sentence's first word ("Contact Acme Inc") is not part of the name; "Bank of …" is.
        if (CommonWords.Set.Contains(text, token) && !OfWords.Contains(text, token))
        {
            return i;
        }

        var run = Run(text, tokens, i);
        if (run > i)
        {
            // "Acme Widgets Inc": a run whose last word is a company suffix, with a name before it.
            for (var k = run - 1; k > i; k--)
            {
                if (IsCompanyWord(text, tokens[k]))
                {
                    var end = OfContinuation(text, tokens, k + 1);
                    found.Add(Span(tokens, i, end, SuffixScore));
                    return end;
                }
            }

            // "University of Oslo".
            if (OfWords.Contains(text, tokens[run - 1]) && OfContinuation(text, tokens, run) is var ofEnd && ofEnd > run)
            {
                found.Add(Span(tokens, i, ofEnd, SuffixScore));
                return ofEnd;
            }
        }

        // "Marchesan e figli", "Costa S.A.", "Schima Gruppe": a name, then a company suffix of some locale.
        if (run > i && run < tokens.Count && Tokens.IsSpace(Tokens.Gap(text, tokens[run - 1], tokens[run])) is var spaced
            && _gazetteers.CompanySuffixes.Match(text, tokens, run) is > 0 and var suffix && (spaced || Tokens.Gap(text, tokens[run - 1], tokens[run]) is ", "))
        {
            found.Add(Span(tokens, i, run + suffix, SuffixScore));
            return run + suffix;
        }

        if (FirmEnd(text, tokens, i) is > 0 and var firmEnd)
        {
            found.Add(Span(tokens, i, firmEnd, FirmScore));
            return firmEnd;
        }

        if (run > i && HasContext(text, tokens, i) && !(_gazetteers.FirstNames.Contains(text, token) && run - i >= 2))
        {
            found.Add(Span(tokens, i, run, ContextScore));
            return run;
        }

        return i;
    }

    /// <summary>Capitalised words (and "and", "&amp;", "of" between them), at most <see cref="MaxWords"/>.</summary>
    private static int Run(string text, List<Token> tokens, int start)
    {
        var end = start;
        var words = 0;
        while (end < tokens.Count && words < MaxWords + 1)
        {
            var token = tokens[end];
            if (end > start)
            {
                var gap = Tokens.Gap(text, tokens[end - 1], token);
                if (!Tokens.IsSpaceOrDot(gap) && gap is not " & " and not "&" and not ", ")
                {
                    break;
                }

                // ", " only before a legal suffix: "Acme, Inc.".
                if (gap is ", " && !IsCompanyWord(text, token))
                {
                    break;
                }
            }

            var isWord = char.IsUpper(text[token.Start]) || (end > start && token.In(text) is "and" && end + 1 < tokens.Count && char.IsUpper(text[tokens[end + 1].Start]));
            if (!isWord || token.IsAllDigits(text))
            {
                break;
            }

            end++;
            words++;
        }

        return end;
    }

    private static int OfContinuation(string text, List<Token> tokens, int end)
    {
        if (end + 1 < tokens.Count && tokens[end].In(text) is "of" && Tokens.IsSpace(Tokens.Gap(text, tokens[end - 1], tokens[end]))
            && Tokens.IsSpace(Tokens.Gap(text, tokens[end], tokens[end + 1])) && tokens[end + 1].IsCapitalized(text))
        {
            var last = end + 1;
            while (last + 1 < tokens.Count && last - end < 3 && Tokens.IsSpace(Tokens.Gap(text, tokens[last], tokens[last + 1])) && tokens[last + 1].IsCapitalized(text))
            {
                last++;
            }

            return last + 1;
        }

        return end;
    }

    /// <summary>"Hahn, Kemmer and Ward": three known surnames, the shape of a partnership's name.</summary>
    private int FirmEnd(string text, List<Token> tokens, int i)
    {
        // "Hoeger - Bosco": two names joined by a spaced dash (a double-barrelled surname has no spaces).
        if (i + 1 < tokens.Count && Tokens.Gap(text, tokens[i], tokens[i + 1]) is " - " or " – " && tokens[i + 1].IsCapitalized(text)
            && tokens[i].IsCapitalized(text) && (_gazetteers.LastNames.Contains(text, tokens[i]) || _gazetteers.LastNames.Contains(text, tokens[i + 1])))
        {
            return i + 2;
        }

        if (i + 3 >= tokens.Count)
        {
            return 0;
        }

        var ok = _gazetteers.LastNames.Contains(text, tokens[i]) && tokens[i + 1].IsCapitalized(text)
            && _gazetteers.LastNames.Contains(text, tokens[i + 1]) && tokens[i + 2].In(text) is "and"
            && tokens[i + 3].IsCapitalized(text) && _gazetteers.LastNames.Contains(text, tokens[i + 3])
            && Tokens.Gap(text, tokens[i], tokens[i + 1]) is ", ";
        return ok ? i + 4 : 0;
    }

    private static bool HasContext(string text, List<Token> tokens, int i) => Contexts.Precede(text, tokens, i);

    private static EntityMatch Span(List<Token> tokens, int first, int end, double score) =>
        new(EntityTypes.Organization, tokens[first].Start, tokens[end - 1].End - tokens[first].Start, score);
}
