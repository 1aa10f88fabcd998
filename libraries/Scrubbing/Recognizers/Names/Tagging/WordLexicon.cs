using System.Collections.Frozen;

namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>Every word list the tagger asks about, folded into one map from a word to its flags.</summary>
/// <remarks>
/// One lookup per token instead of one case-insensitive hash per word list. It is built once from the lists
/// themselves, so it cannot drift from them.
/// </remarks>
internal sealed class WordLexicon
{
    private static readonly Lazy<WordLexicon> Shared = new(() => new WordLexicon(Gazetteers.Instance), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, LexiconFlags>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private WordLexicon(Gazetteers gazetteers)
    {
        var flags = new Dictionary<string, LexiconFlags>(StringComparer.OrdinalIgnoreCase);
        Add(flags, gazetteers.FirstNames, LexiconFlags.FirstName);
        Add(flags, gazetteers.LastNames, LexiconFlags.LastName);
        Add(flags, CommonWords.Set, LexiconFlags.Common);
        Add(flags, gazetteers.StreetSuffixes, LexiconFlags.StreetSuffix);
        Add(flags, gazetteers.ForeignStreetTypes, LexiconFlags.ForeignStreetType);
        Add(flags, AddressWords.PrefixTypes, LexiconFlags.StreetPrefixType);
        Add(flags, NameContext.Honorifics, LexiconFlags.Honorific);
        Add(flags, LocationRecognizer.PrefixWords, LexiconFlags.PlacePrefix);
        Add(flags, LocationRecognizer.AreaWords, LexiconFlags.AreaWord);
        Add(flags, AddressWords.Units, LexiconFlags.Unit);
        Add(flags, AddressWords.Directions, LexiconFlags.Direction);
        Add(flags, gazetteers.StateAbbreviations, LexiconFlags.StateCode);
        _lookup = flags.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static WordLexicon Instance => Shared.Value;

    /// <summary>The flags of every list that holds the word, ignoring case; <see cref="LexiconFlags.StateCode"/> means only that the word is a state abbreviation.</summary>
    public LexiconFlags Of(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out var flags) ? flags : LexiconFlags.None;

    private static void Add(Dictionary<string, LexiconFlags> flags, WordSet words, LexiconFlags flag)
    {
        foreach (var word in words.Words)
        {
            flags[word] = flags.GetValueOrDefault(word) | flag;
        }
    }
}
