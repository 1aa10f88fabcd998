using System.Numerics;

namespace SlmPlatform.Embeddings;

internal static class Pooling
{
    /// <summary>
    /// Mean of the first <paramref name="tokens"/> rows of <paramref name="states"/> (the attended ones: a row's
    /// padding comes after its tokens), or the first row alone for CLS pooling.
    /// </summary>
    public static void Pool(ReadOnlySpan<float> states, int tokens, bool cls, Span<float> vector)
    {
        var dimensions = vector.Length;
        states[..dimensions].CopyTo(vector);
        if (cls)
        {
            return;
        }

        for (var t = 1; t < tokens; t++)
        {
            Add(vector, states.Slice(t * dimensions, dimensions));
        }

        Scale(vector, 1f / tokens);
    }

    public static void Normalize(Span<float> vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        if (norm > 1e-12f)
        {
            Scale(vector, 1f / norm);
        }
    }

    private static void Add(Span<float> sum, ReadOnlySpan<float> row)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var sums = MemoryMarshal.Cast<float, Vector<float>>(sum);
            var rows = MemoryMarshal.Cast<float, Vector<float>>(row);
            for (var v = 0; v < sums.Length; v++)
            {
                sums[v] += rows[v];
            }

            i = sums.Length * Vector<float>.Count;
        }

        for (; i < sum.Length; i++)
        {
            sum[i] += row[i];
        }
    }

    private static void Scale(Span<float> vector, float factor)
    {
        for (var i = 0; i < vector.Length; i++)
        {
            vector[i] *= factor;
        }
    }

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
