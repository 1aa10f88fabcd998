using System.Collections.Frozen;

namespace SlmPlatform.Scrubbing.Recognizers;

/// <summary>Multi-word names ("New York", "Bosnia and Herzegovina") matched token by token, longest first.</summary>
internal sealed class PhraseSet
{
    private readonly FrozenDictionary<string, string[][]> _byFirstWord;
    private readonly FrozenDictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private readonly StringComparison _comparison;

    /// <param name="phrases">The phrases, words separated by spaces.</param>
    /// <param name="caseSensitive">True where case tells the phrase from a word ("SA", "e figli" against "it").</param>
    public PhraseSet(IEnumerable<string> phrases, bool caseSensitive = false)
    {
        _comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        var comparer = caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase;
        _byFirstWord = phrases
            .Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(words => words.Length > 0)
            .GroupBy(words => words[0], comparer)
            .ToFrozenDictionary(g => g.Key, g => g.DistinctBy(w => string.Join(' ', w), comparer).OrderByDescending(w => w.Length).ToArray(), comparer);
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many tokens from <paramref name="index"/> on spell a phrase of the set (0 if none).</summary>
    public int Match(string text, List<Token> tokens, int index)
    {
        if (!_lookup.TryGetValue(tokens[index].In(text), out var candidates))
        {
            return 0;
        }

        foreach (var words in candidates)
        {
            if (index + words.Length > tokens.Count)
            {
                continue;
            }

            var matched = true;
            for (var k = 1; k < words.Length && matched; k++)
            {
                var gap = Tokens.Gap(text, tokens[index + k - 1], tokens[index + k]);
                matched = Tokens.IsSpaceOrDot(gap)
                    && tokens[index + k].In(text).Equals(words[k], _comparison);
            }

            if (matched)
            {
                return words.Length;
            }
        }

        return 0;
    }
}
