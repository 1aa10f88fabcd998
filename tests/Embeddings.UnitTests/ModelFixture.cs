[assembly: AssemblyFixture(typeof(SlmPlatform.Embeddings.UnitTests.ModelFixture))]

namespace SlmPlatform.Embeddings.UnitTests;

/// <summary>Loads all-MiniLM-L6-v2 once for the whole test run (~1 s, 90 MB).</summary>
public sealed class ModelFixture : IDisposable
{
    public ModelFixture()
    {
        Model = SentenceEmbeddingModel.LoadDefault(intraOpThreads: 1);
        Generator = new OnnxSentenceEmbeddingGenerator(Model, new SentenceEmbeddingOptions { BatchSize = 8 });
    }

    public SentenceEmbeddingModel Model { get; }

    public OnnxSentenceEmbeddingGenerator Generator { get; }

    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return (float)(dot / Math.Sqrt(na * nb));
    }

    public void Dispose()
    {
        Generator.Dispose();
        Model.Dispose();
    }
}
