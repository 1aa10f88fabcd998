namespace SlmPlatform.Scrubbing;

/// <summary>What the contextual tagger reads tokens with (<see cref="ScrubbingOptions.ContextualModel"/>).</summary>
public enum ContextualTaggerModel
{
    /// <summary>A small network over each word and the four either side of it, words being MiniLM's static piece
    /// embeddings: no encoder runs.</summary>
    WordWindow,

    /// <summary>The MiniLM encoder's token states with a head trained on them.</summary>
    Encoder,
}
