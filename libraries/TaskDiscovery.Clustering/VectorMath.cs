using System.Numerics;
using System.Runtime.InteropServices;

namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>SIMD kernels on float spans (AVX2/AVX-512 through <see cref="Vector{T}"/>).</summary>
public static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException("Vectors differ in length.", nameof(b));
        }

        var i = 0;
        var sum = 0f;
        if (Vector.IsHardwareAccelerated && a.Length >= 2 * Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            // Two accumulators hide the add latency.
            Vector<float> s0 = default, s1 = default;
            var v = 0;
            for (; v + 1 < va.Length; v += 2)
            {
                s0 += va[v] * vb[v];
                s1 += va[v + 1] * vb[v + 1];
            }

            for (; v < va.Length; v++)
            {
                s0 += va[v] * vb[v];
            }

            sum = Vector.Sum(s0 + s1);
            i = va.Length * Vector<float>.Count;
        }

        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>Scales <paramref name="vector"/> to unit length in place (a zero vector stays zero).</summary>
    public static void Normalize(Span<float> vector)
    {
        var norm = MathF.Sqrt(Dot(vector, vector));
        if (norm > 1e-12f)
        {
            Scale(vector, 1f / norm);
        }
    }

    public static void Scale(Span<float> vector, float factor)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var v = MemoryMarshal.Cast<float, Vector<float>>(vector);
            for (var j = 0; j < v.Length; j++)
            {
                v[j] *= factor;
            }

            i = v.Length * Vector<float>.Count;
        }

        for (; i < vector.Length; i++)
        {
            vector[i] *= factor;
        }
    }

    /// <summary><paramref name="sum"/> += <paramref name="weight"/> × <paramref name="row"/>.</summary>
    public static void AddScaled(Span<float> sum, ReadOnlySpan<float> row, float weight = 1f)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var s = MemoryMarshal.Cast<float, Vector<float>>(sum);
            var r = MemoryMarshal.Cast<float, Vector<float>>(row);
            var w = new Vector<float>(weight);
            for (var j = 0; j < s.Length; j++)
            {
                s[j] += r[j] * w;
            }

            i = s.Length * Vector<float>.Count;
        }

        for (; i < sum.Length; i++)
        {
            sum[i] += row[i] * weight;
        }
    }
}
