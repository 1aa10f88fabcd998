using System.Buffers;
using System.Text;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Lower-case cue words searched for in a text without regard to ASCII case.</summary>
/// <remarks>
/// Lower-casing a short text into a stack buffer (SIMD) and searching it ordinally (SIMD over all words at once) is
/// several times faster than a case-insensitive multi-string search, which verifies every candidate position with
/// a case-insensitive compare.
/// </remarks>
public sealed class Cues
{
    private const int StackLimit = 512;
    private readonly SearchValues<string> _lowerCase;
    private readonly SearchValues<string> _anyCase;

    /// <summary>The words to look for.</summary>
    public Cues(IEnumerable<string> words)
    {
        string[] lower = [.. words.Select(word => word.ToLowerInvariant())];
        _lowerCase = SearchValues.Create(lower, StringComparison.Ordinal);
        _anyCase = SearchValues.Create(lower, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether one of the words occurs in the text, ignoring ASCII case.</summary>
    public bool IsIn(string text)
    {
        if (text.Length > StackLimit)
        {
            return text.AsSpan().IndexOfAny(_anyCase) >= 0;
        }

        Span<char> lower = stackalloc char[text.Length];
        return Ascii.ToLower(text, lower, out _) == OperationStatus.Done
            ? lower.IndexOfAny(_lowerCase) >= 0
            : text.AsSpan().IndexOfAny(_anyCase) >= 0;
    }
}
