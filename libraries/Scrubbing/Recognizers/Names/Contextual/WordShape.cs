using System.Buffers;

namespace SlmPlatform.Scrubbing.Recognizers.Contextual;

/// <summary>
/// What the word-window tagger knows of a word besides its pieces: its case, digits, how many pieces it breaks into
/// (a word the vocabulary does not hold breaks into many) and the punctuation either side of it. The last feature is
/// 1 for every real word, so that the zeros past a text's edges read as "no word".
/// </summary>
internal static class WordShape
{
    public const int Features = 13;

    public static void Write(string text, List<Token> tokens, int index, int pieces, bool lowerCaseText, Span<float> shape)
    {
        var token = tokens[index];
        var before = index == 0 ? text.AsSpan(0, token.Start) : Tokens.Gap(text, tokens[index - 1], token);
        var after = index + 1 < tokens.Count ? Tokens.Gap(text, token, tokens[index + 1]) : text.AsSpan(token.End);
        WriteCase(text, token, lowerCaseText, shape);
        shape[5] = Math.Min(pieces, 6) / 6f;
        shape[6] = before.Contains(',') ? 1 : 0;
        shape[7] = before.ContainsAny(SentenceEnds) ? 1 : 0;
        shape[8] = before.Contains(':') ? 1 : 0;
        shape[9] = before.Contains('\n') ? 1 : 0;
        shape[10] = before.ContainsAny(QuotesAndBrackets) ? 1 : 0;
        shape[11] = after.ContainsAny(CommaOrStop) ? 1 : 0;
        shape[12] = 1;
    }

    /// <summary>The five facts an uncased model cannot see, which both taggers read first: a capital, all capitals, a
    /// digit, the start of a sentence, a text without capitals.</summary>
    public static void WriteCase(string text, Token token, bool lowerCaseText, Span<float> shape)
    {
        var word = token.In(text);
        shape[0] = char.IsUpper(word[0]) ? 1 : 0;
        shape[1] = word.Length > 1 && !word.ContainsAnyExcept(UpperOrDigit) ? 1 : 0;
        shape[2] = word.ContainsAny(Digits) ? 1 : 0;
        shape[3] = Tokens.StartsSentence(text, token) ? 1 : 0;
        shape[4] = lowerCaseText ? 1 : 0;
    }

    private static readonly SearchValues<char> Digits = SearchValues.Create("0123456789");
    private static readonly SearchValues<char> UpperOrDigit = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.'");
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?");
    private static readonly SearchValues<char> QuotesAndBrackets = SearchValues.Create("\"'()[]{}<>`");
    private static readonly SearchValues<char> CommaOrStop = SearchValues.Create(",.;");
}
