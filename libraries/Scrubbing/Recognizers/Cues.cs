using System.Buffers;
using System.Text;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Lower-case cue words searched for in a text without regard to ASCII case.</summary>
/// <remarks>
/// A case-insensitive multi-string search spent most of its time verifying candidate positions with a
/// case-insensitive compare (profiled on short prompts); lower-casing the text into a stack buffer and searching it
/// ordinally avoids that. Longer texts, and texts that are not all ASCII, take the case-insensitive search.
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
