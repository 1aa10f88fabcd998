using System.Buffers;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>
/// The parts of an ASCII text that can hold a phone number libphonenumber would find, so that its matcher (the
/// slowest of the structured recognizers) reads those instead of the whole text.
/// </summary>
/// <remarks>
/// A number's digits, with what the matcher lets stand between them (its ASCII punctuation, a leading plus or
/// parenthesis), form one run; a valid number has at least <see cref="MinDigits"/> digits. A window holds such a run,
/// the character before it (the matcher rejects a number after a letter, and checks that only when the number does
/// not start its text), and up to <see cref="TailAllowance"/> characters after it to the next white space, for an
/// extension ("ext. 123") and the character after the number. Windows that touch are merged. Texts with other
/// scripts' digits or punctuation are read whole by the caller.
/// </remarks>
internal static class PhoneNumberWindows
{
    /// <summary>The fewest digits of any valid number, country code included (a German +49 and four digits).</summary>
    internal const int MinDigits = 6;

    // The longest extension the matcher accepts ("extension: " and 20 digits) with room to spare.
    private const int TailAllowance = 48;

    private static readonly SearchValues<char> Joiners = SearchValues.Create(" +-x().[]/~X");

    public static List<Range> Find(string text)
    {
        var windows = new List<Range>();
        var position = text.AsSpan().IndexOfAnyInRange('0', '9');
        while (position >= 0)
        {
            var start = position;
            while (start > 0 && Joiners.Contains(text[start - 1]))
            {
                start--;
            }

            var digits = 0;
            var end = position;
            for (; end < text.Length && (char.IsAsciiDigit(text[end]) || Joiners.Contains(text[end])); end++)
            {
                digits += char.IsAsciiDigit(text[end]) ? 1 : 0;
            }

            if (digits >= MinDigits)
            {
                Add(windows, Math.Max(0, start - 1), ToWhiteSpace(text, Math.Min(text.Length, end + TailAllowance)));
            }

            var next = end < text.Length ? text.AsSpan(end).IndexOfAnyInRange('0', '9') : -1;
            position = next < 0 ? -1 : end + next;
        }

        return windows;
    }

    private static int ToWhiteSpace(string text, int from)
    {
        var space = text.AsSpan(from).IndexOfAny(' ', '\n', '\t');
        return space < 0 ? text.Length : from + space;
    }

    private static void Add(List<Range> windows, int start, int end)
    {
        if (windows.Count > 0 && start <= windows[^1].End.Value)
        {
            windows[^1] = new Range(windows[^1].Start, Math.Max(end, windows[^1].End.Value));
            return;
        }

        windows.Add(new Range(start, end));
    }
}
