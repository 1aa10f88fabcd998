namespace SlmPlatform.Specialists.Generative;

/// <summary>The shape of a llama-architecture model (the fields llama.cpp reads from a GGUF).</summary>
/// <param name="VocabularySize">Tokens in the vocabulary.</param>
/// <param name="Dimension">Width of the residual stream (<c>llama.embedding_length</c>).</param>
/// <param name="Layers">Transformer blocks (<c>llama.block_count</c>).</param>
/// <param name="Heads">Attention heads; the head width is <paramref name="Dimension"/> / <paramref name="Heads"/>.</param>
/// <param name="FeedForward">Hidden width of the SwiGLU MLP (<c>llama.feed_forward_length</c>).</param>
/// <param name="ContextLength">Longest sequence, prompt and answer together.</param>
/// <param name="TiedEmbeddings">Whether the output projection reuses the token embedding.</param>
/// <param name="RopeBase">RoPE frequency base.</param>
/// <param name="NormEpsilon">RMSNorm epsilon.</param>
public sealed record LlamaShape(
    int VocabularySize,
    int Dimension = 192,
    int Layers = 4,
    int Heads = 6,
    int FeedForward = 512,
    int ContextLength = 192,
    bool TiedEmbeddings = true,
    float RopeBase = 10000f,
    float NormEpsilon = 1e-5f)
{
    public int HeadDimension => Dimension / Heads;

    internal void Validate()
    {
        if (Dimension % Heads != 0 || HeadDimension % 2 != 0)
        {
            throw new ArgumentException($"Dimension {Dimension} must split into {Heads} heads of even width.");
        }

        // Q8_0 quantises rows in blocks of 32 values.
        if (Dimension % 32 != 0 || FeedForward % 32 != 0)
        {
            throw new ArgumentException("Dimension and FeedForward must be multiples of 32 (the Q8_0 block).");
        }
    }
}
