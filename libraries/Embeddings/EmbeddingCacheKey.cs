using System.Security.Cryptography;
using System.Text;

namespace SlmPlatform.Embeddings;

/// <summary>Cache keys: the model and the SHA-256 of the text, so keys carry no text and differ per model.</summary>
public static class EmbeddingCacheKey
{
    public static string For(string modelId, string text)
    {
        ArgumentNullException.ThrowIfNull(modelId);
        ArgumentNullException.ThrowIfNull(text);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return $"emb:{modelId}:{Convert.ToHexStringLower(hash)}";
    }
}
