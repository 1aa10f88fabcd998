namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Names written in lower case, as chat often is: the gazetteers and a few phrases have to carry them.</summary>
public sealed partial class PersonRecognizer
{
    private static readonly System.Buffers.SearchValues<char> LowerLetters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿāăąćčďđēęěğīıłńňōőœřśşšťūůűźżž");

    private static readonly WordSet Verbs = new(
    [
        "says", "said", "wants", "asks", "told", "tells", "went", "goes", "came", "comes", "calls", "sent", "sends", "needs",
        "thinks", "thought", "knows", "knew", "flew", "left", "made", "makes", "took", "takes", "gave", "gives", "wrote",
        "writes", "works", "lives", "likes", "loves", "hates", "feels", "felt", "gets", "got", "seems", "became",
        "becomes", "bought", "buys", "paid", "pays", "ran", "runs", "sees", "saw", "met", "meets", "won", "wins", "lost",
        "loses", "keeps", "kept", "brought", "brings", "found", "finds", "heard", "hears", "sang", "sings", "also",
        "never", "always", "just", "still", "really", "will", "would", "could", "should", "might", "must", "does", "doesn't",
    ]);

    private static readonly WordSet Pronouns = new(["i", "you", "he", "she", "it", "we", "they", "who", "that", "which"]);

    // A known surname, or, after an English first name that is nothing else (not a surname, not a place, not after a
    // pronoun: "she said nothing"), a plain unknown word of four letters or more: surnames are the longest tail of any
    // name list ("desrosiers", "kleist").
    private bool IsLowerCaseSurname(string text, List<Token> tokens, int i)
    {
        var next = tokens[i + 1];
        var word = NameSpanEdges.IsPossessive(text, next) ? next with { Length = next.Length - 2 } : next;
        if (_gazetteers.LastNames.Contains(text, word))
        {
            return true;
        }

        return tokens[i].Length >= 4 && word.Length >= 4 && IsPlainWord(text, word) && _gazetteers.EnglishFirstNames.Contains(text, tokens[i])
            && !_gazetteers.FirstNames.Contains(text, word) && !_gazetteers.LastNames.Contains(text, tokens[i]) && !IsPlace(text, tokens, i)
            && !CommonWords.Set.Contains(text, word) && !(i > 0 && Pronouns.Contains(text, tokens[i - 1])) && !IsVerbAfterSubject(word.In(text));
    }

    // "maria wants", "elliott flew", "sam called": the word after a name that opens a clause is most often its verb.
    private static bool IsVerbAfterSubject(ReadOnlySpan<char> word) =>
        word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ing", StringComparison.OrdinalIgnoreCase) || Verbs.Contains(word);

    private static bool IsPlainWord(string text, Token token) => token.Length >= 3 && !token.In(text).ContainsAnyExcept(LowerLetters);

    /// <summary>
    /// "my name is ana silva": a known first name in lower case, right after a context phrase; in a text typed all in
    /// lower case, also a known first name and a known surname together ("follow up with vera sokolova").
    /// </summary>
    private int LowerCaseName(string text, List<Token> tokens, int i, bool lowerCaseText)
    {
        // Most lower-case words are no first name: one lookup, then nothing more (this runs for nearly every word).
        var first = _gazetteers.FirstNames.Contains(text, tokens[i]);
        var introduced = !first && NameContext.IntroducesName(text, tokens, i) && IsPlainWord(text, tokens[i]);
        if ((!first && !introduced) || CommonWords.Set.Contains(text, tokens[i]))
        {
            return 0;
        }

        // After "my name is" or "call me" any word that is not a common word is the name ("my name is vitoria").
        var named = introduced || NameContext.PrecedesName(text, tokens, i, more: true);
        var hasLast = i + 1 < tokens.Count && Tokens.IsSpace(Tokens.Gap(text, tokens[i], tokens[i + 1])) && !CommonWords.Set.Contains(text, tokens[i + 1])
            && (named || (first && lowerCaseText)) && IsLowerCaseSurname(text, tokens, i);
        if (!named && !hasLast)
        {
            return 0;
        }

        return hasLast ? i + 2 : i + 1;
    }
}
