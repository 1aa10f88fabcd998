namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Two-word phrases ("lives in", "name is"), matched without regard to case against the words before a token.</summary>
internal sealed class WordPairs((string First, string Second)[] pairs)
{
    public bool Contains(ReadOnlySpan<char> first, ReadOnlySpan<char> second)
    {
        foreach (var (a, b) in pairs)
        {
            if (first.Equals(a, StringComparison.OrdinalIgnoreCase) && second.Equals(b, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the two tokens before token <paramref name="i"/> are one of the phrases.</summary>
    public bool Precede(string text, List<Token> tokens, int i) => i >= 2 && Contains(tokens[i - 2].In(text), tokens[i - 1].In(text));
}
