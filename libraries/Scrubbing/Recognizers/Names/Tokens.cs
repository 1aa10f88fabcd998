namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Splits text into <see cref="Token"/>s and answers questions about what lies between two of them.</summary>
internal static class Tokens
{
    // The name recognizers run one after another over the same string on one thread: split it once.
    [ThreadStatic]
    private static string? t_lastText;

    [ThreadStatic]
    private static List<Token>? t_lastTokens;

    /// <summary>Drops this thread's kept tokens, and with them the reference to the text.</summary>
    public static void ForgetLastText() => (t_lastText, t_lastTokens) = (null, null);

    /// <summary>The tokens of <paramref name="text"/>; callers must not change the list.</summary>
    public static List<Token> Split(string text)
    {
        if (ReferenceEquals(text, t_lastText) && t_lastTokens is not null)
        {
            return t_lastTokens;
        }

        var tokens = SplitNew(text);
        t_lastText = text;
        t_lastTokens = tokens;
        return tokens;
    }

    private static List<Token> SplitNew(string text)
    {
        var tokens = new List<Token>(text.Length / 6);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsTokenChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (IsTokenChar(text[i]) || (IsJoiner(text[i]) && i + 1 < text.Length && char.IsLetter(text[i + 1]) && i > start)))
            {
                i++;
            }

            tokens.Add(new Token(start, i - start));
        }

        return tokens;
    }

    /// <summary>The characters between two tokens.</summary>
    public static ReadOnlySpan<char> Gap(string text, Token left, Token right) => text.AsSpan(left.End, right.Start - left.End);

    /// <summary>One or two spaces only: the tokens sit in one phrase.</summary>
    public static bool IsSpace(ReadOnlySpan<char> gap) => gap is " " or "  ";

    /// <summary>A space, or ". " after an initial or abbreviation ("J. Smith", "St. Louis").</summary>
    public static bool IsSpaceOrDot(ReadOnlySpan<char> gap) => IsSpace(gap) || gap is ". " or ".";

    /// <summary>True where <paramref name="token"/> opens a sentence, a line or a quotation, so its capital says nothing.</summary>
    public static bool StartsSentence(string text, Token token)
    {
        for (var i = token.Start - 1; i >= 0; i--)
        {
            var c = text[i];
            if (c is ' ' or '\t')
            {
                continue;
            }

            return c is '.' or '!' or '?' or '\n' or '\r' or '"' or '“' or ':' or '(' or '[' or '{' or '*' or '-' or '•';
        }

        return true;
    }

    /// <summary>The lower-cased word just before <paramref name="index"/> (skipping a comma), or empty.</summary>
    public static ReadOnlySpan<char> Previous(string text, List<Token> tokens, int index, int back = 1) =>
        index - back >= 0 ? tokens[index - back].In(text) : [];

    private static bool IsTokenChar(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark;

    private static bool IsJoiner(char c) => c is '\'' or '’' or '-';
}
