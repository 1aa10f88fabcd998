using System.Buffers;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// Vectorized checks that a text could hold a recognizer's value at all, run before the recognizer's own search.
/// </summary>
/// <remarks>
/// Each check is a necessary condition of a match (a digit count, a character, a word the pattern starts with), so it
/// never changes what is found; it only spares the regex engine a walk over texts that cannot match, which is most
/// texts for most recognizers. The checks jump from candidate to candidate with SIMD searches. On Presidio's
/// sentences the label-word checks alone take the structured recognizers from about 9 to about 14 MB/s per core.
/// </remarks>
internal static class TextProbe
{
    /// <summary>The most digits in one run of digits and <paramref name="joiners"/> ("555-0101" is one run of 7).</summary>
    public static int MaxDigitsInRun(ReadOnlySpan<char> text, SearchValues<char> joiners)
    {
        var best = 0;
        var position = text.IndexOfAnyInRange('0', '9');
        while (position >= 0)
        {
            var digits = 0;
            var end = position;
            for (; end < text.Length; end++)
            {
                var c = text[end];
                if (char.IsAsciiDigit(c))
                {
                    digits++;
                }
                else if (!joiners.Contains(c))
                {
                    break;
                }
            }

            best = Math.Max(best, digits);
            var next = end < text.Length ? text[end..].IndexOfAnyInRange('0', '9') : -1;
            position = next < 0 ? -1 : end + next;
        }

        return best;
    }

    /// <summary>Whether the text holds at least <paramref name="count"/> ASCII digits, wherever they are.</summary>
    public static bool HasDigits(ReadOnlySpan<char> text, int count)
    {
        var found = 0;
        var position = text.IndexOfAnyInRange('0', '9');
        while (position >= 0 && ++found < count)
        {
            var next = text[(position + 1)..].IndexOfAnyInRange('0', '9');
            position = next < 0 ? -1 : position + 1 + next;
        }

        return found >= count;
    }

    /// <summary>Whether the text has a run of at least <paramref name="length"/> ASCII letters and digits.</summary>
    public static bool HasAlphanumericRun(ReadOnlySpan<char> text, int length)
    {
        // Words are short, so a plain loop beats a vectorized search restarted at every word.
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiLetterOrDigit(c) ? run + 1 : 0;
            if (run >= length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cue words, one of which every label or keyword of a pattern contains; matched ignoring ASCII case.</summary>
    public static Cues Cues(params string[] words) => new(words);

    /// <summary>Whether the text contains one of the <paramref name="cues"/>, or a letter a regex would fold into one.</summary>
    /// <remarks>
    /// The regex engine's case-insensitive matching also takes the Kelvin sign for "k" and the long s for "s", which an
    /// ASCII comparison does not; a text holding either is always searched.
    /// </remarks>
    public static bool ContainsAny(string text, Cues cues) => cues.IsIn(text) || text.AsSpan().IndexOfAny('\u212A', '\u017F') >= 0;
}
