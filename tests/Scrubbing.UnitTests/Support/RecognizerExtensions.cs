namespace SlmPlatform.Scrubbing.UnitTests.Support;

internal static class RecognizerExtensions
{
    /// <summary>The substrings a recognizer flags, in order; easier to read in assertions than offsets.</summary>
    public static IReadOnlyList<string> Found(this IRecognizer recognizer, string text) =>
        [.. recognizer.Recognize(text).OrderBy(m => m.Start).Select(m => text.Substring(m.Start, m.Length))];
}
