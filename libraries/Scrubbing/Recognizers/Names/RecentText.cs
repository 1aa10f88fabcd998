namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>The per-thread copies the name recognizers keep of the text they last read, so they split it once.</summary>
internal static class RecentText
{
    /// <summary>
    /// Drops them once a text is scrubbed: the raw text, personal data and all, must not outlive its scrub in memory
    /// (where a heap dump would show it) just because it was the last one a thread read.
    /// </summary>
    public static void Forget()
    {
        Tokens.ForgetLastText();
        LineMarkers.ForgetLastText();
        PersonRecognizer.ForgetLastText();
    }
}
