using System.Collections.Frozen;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>A case-insensitive set of words that answers for spans of text without allocating.</summary>
internal sealed class WordSet
{
    private readonly FrozenSet<string> _words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words)
    {
        _words = words.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _words.Count;

    public IEnumerable<string> Words => _words;

    public bool Contains(ReadOnlySpan<char> word) => _lookup.Contains(word);

    public bool Contains(string text, Token token) => _lookup.Contains(token.In(text));
}
