using SlmPlatform.Scrubbing.Recognizers.Tagging;

namespace SlmPlatform.Scrubbing.Recognizers.Contextual;

/// <summary>A model the contextual tagger reads tokens with: the encoder and its head, or the word-window network.</summary>
internal interface IContextualTagModel
{
    /// <summary>Tokens either side of each token left by the rules that are tagged with it, so that a name's other
    /// words are tagged too.</summary>
    int TaggedAround { get; }

    /// <summary>The probability below which a tag is not taken (chosen on the development sets, docs/scrubbing.md).</summary>
    float MinProbability { get; }

    /// <summary>Writes the most likely tag of each of <paramref name="count"/> tokens from <paramref name="from"/> on,
    /// and its probability.</summary>
    void Tag(string text, List<Token> tokens, int from, int count, bool lowerCaseText, Span<EntityTag> tags, Span<float> probabilities);
}
