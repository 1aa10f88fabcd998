namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>The hashes and flags of one token, computed once per text and read by the features of its neighbours too.</summary>
internal readonly record struct TokenInfo(
    uint Word,
    uint Shape,
    uint ShortShape,
    uint Prefix3,
    uint Suffix2,
    uint Suffix3,
    uint Suffix4,
    uint GapBefore,
    LexiconFlags Flags);
