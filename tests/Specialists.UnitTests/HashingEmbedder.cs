using Microsoft.Extensions.AI;

namespace SlmPlatform.Specialists.UnitTests;

/// <summary>
/// A bag-of-words embedder (hashed word counts, L2-normalised): texts that differ in one word of many are close,
/// unrelated texts are far, which is what near-duplicate removal needs to be tested against.
/// </summary>
internal sealed class HashingEmbedder : IEmbeddingGenerator<string, Embedding<float>>
{
    private const int Dimensions = 256;

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        var result = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var text in values)
        {
            var vector = new float[Dimensions];
            foreach (var word in text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                vector[(int)((uint)StableHash(word) % Dimensions)] += 1;
            }

            var norm = MathF.Sqrt(vector.Sum(v => v * v));
            result.Add(new Embedding<float>(vector.Select(v => norm == 0 ? 0 : v / norm).ToArray()));
        }

        return Task.FromResult(result);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(EmbeddingGeneratorMetadata) ? new EmbeddingGeneratorMetadata("test", null, "hashing-bow", Dimensions) : null;

    public void Dispose()
    {
    }

    private static int StableHash(string word) => word.Aggregate(17, (h, c) => unchecked(h * 31 + c));
}
