namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Quote and bullet marks that open lines ("> " in a quoted e-mail, "• " or "- " in a list, "??? " where an encoding
/// lost the bullet) say nothing about the words after them, but the tagger reads the punctuation between tokens, and
/// its training text has none: "\n>" is not the line break it learned that names and address parts follow.
/// </summary>
internal static class LineMarkers
{
    [ThreadStatic]
    private static string? t_lastText;

    [ThreadStatic]
    private static string? t_lastBlanked;

    /// <summary>Drops this thread's kept texts.</summary>
    public static void ForgetLastText() => (t_lastText, t_lastBlanked) = (null, null);

    /// <summary>
    /// <paramref name="text"/> with the marks at the start of its lines turned into spaces, so that every offset (and
    /// every token: the marks are no token characters) stays the same; the same string where there are none.
    /// </summary>
    public static string Blank(string text)
    {
        // The street rules and the tagger both ask, one after the other, for the same text on one thread.
        if (ReferenceEquals(text, t_lastText) && t_lastBlanked is not null)
        {
            return t_lastBlanked;
        }

        t_lastBlanked = BlankNew(text);
        t_lastText = text;
        return t_lastBlanked;
    }

    private static string BlankNew(string text)
    {
        char[]? copy = null;
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            var marks = i;
            while (i < text.Length && IsMark(text[i]))
            {
                i++;
            }

            // ">" may touch the word it quotes; a bullet or a question mark is one only before a space.
            if (i > marks && (text[marks] == '>' || i == text.Length || text[i] is ' ' or '\t' or '\n' or '\r'))
            {
                copy ??= text.ToCharArray();
                copy.AsSpan(marks, i - marks).Fill(' ');
            }

            var lineEnd = text.IndexOf('\n', Math.Max(i, start));
            i = lineEnd < 0 ? text.Length : lineEnd + 1;
        }

        return copy is null ? text : new string(copy);
    }

    private static bool IsMark(char c) => c is '>' or '•' or '·' or '▪' or '‣' or '*' or '-' or '?';
}
