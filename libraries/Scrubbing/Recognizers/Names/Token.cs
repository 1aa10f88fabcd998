namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>A run of letters and digits (with apostrophes and hyphens inside it) in a text.</summary>
internal readonly record struct Token(int Start, int Length)
{
    public int End => Start + Length;

    public ReadOnlySpan<char> In(string text) => text.AsSpan(Start, Length);

    /// <summary>Starts with a capital and is not all capitals ("Smith", "J", "McDonald"; not "PERSON" or "NASA").</summary>
    public bool IsCapitalized(string text)
    {
        if (!char.IsUpper(text[Start]))
        {
            return false;
        }

        if (Length == 1)
        {
            return true;
        }

        foreach (var c in text.AsSpan(Start + 1, Length - 1))
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Capitals only ("SEINÄJOKI", "NASA").</summary>
    public bool IsAllCapitals(string text)
    {
        foreach (var c in In(text))
        {
            if (!char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    public bool IsAllDigits(string text) => In(text).IndexOfAnyExceptInRange('0', '9') < 0;

    public bool HasDigit(string text) => In(text).IndexOfAnyInRange('0', '9') >= 0;

    public bool IsLower(string text) => char.IsLower(text[Start]);
}
