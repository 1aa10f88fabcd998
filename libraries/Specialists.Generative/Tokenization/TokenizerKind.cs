namespace SlmPlatform.Specialists.Generative;

/// <summary>How a specialist's text is cut into tokens. Both kinds are lossless (every string round-trips) and fall
/// back to UTF-8 byte tokens for anything unseen in training.</summary>
public enum TokenizerKind
{
    /// <summary>One token per character. llama.cpp's own SentencePiece-style tokenizer cuts text the same way, so the
    /// GGUF also works from plain text in Ollama or llama-cli.</summary>
    Character,

    /// <summary>Frequent words of the training data (with their leading space) are single tokens, everything else
    /// goes by character. Sequences are 3–4 times shorter, so training is that much cheaper; llama.cpp's text
    /// tokenizer would cut prompts into characters instead, so callers feed token ids (as <see cref="GgufSpecialist"/>
    /// does).</summary>
    Word,
}
