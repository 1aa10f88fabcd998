using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// The tagger's weights: one row of <see cref="EntityTags.Count"/> weights per hashed feature bucket, padded to
/// <see cref="Stride"/>. Read-only once trained, so one instance serves every thread.
/// </summary>
/// <remarks>
/// Scoring a token reads one row per feature from a table far larger than the CPU caches, so the row layout sets the
/// speed: a row padded to 32 bytes is one aligned vector load that never straddles two cache lines. Each score is
/// still summed feature by feature in the same order, so the padding changes no result.
/// </remarks>
internal sealed class AveragedPerceptron(float[] weights)
{
    public const int BucketBits = 18;
    public const int Mask = (1 << BucketBits) - 1;

    /// <summary>Floats per row: the tags' weights, then zeros.</summary>
    public const int Stride = 8;

    public static int WeightCount => (1 << BucketBits) * Stride;

    /// <summary>The best-scoring tag; ties go to the lower tag, so <see cref="EntityTag.Outside"/> wins a tie.</summary>
    public EntityTag Predict(ReadOnlySpan<uint> features) => Best(weights, features, out _);

    /// <summary>The best tag and its margin: how far its score lies above the runner-up's (0 on a tie).</summary>
    public EntityTag Predict(ReadOnlySpan<uint> features, out float margin) => Best(weights, features, out margin);

    internal static EntityTag Best(float[] weights, ReadOnlySpan<uint> features, out float margin)
    {
        Span<float> scores = stackalloc float[Stride];
        if (Vector256.IsHardwareAccelerated && weights.Length == WeightCount)
        {
            // Every row lies inside the table (the bucket is masked), so the unchecked loads stay in bounds.
            ref var table = ref MemoryMarshal.GetArrayDataReference(weights);
            var sum = Vector256<float>.Zero;
            foreach (var feature in features)
            {
                sum += Vector256.LoadUnsafe(ref table, (nuint)(feature & Mask) * Stride);
            }

            sum.CopyTo(scores);
        }
        else
        {
            foreach (var feature in features)
            {
                var row = weights.AsSpan((int)(feature & Mask) * Stride, EntityTags.Count);
                for (var c = 0; c < EntityTags.Count; c++)
                {
                    scores[c] += row[c];
                }
            }
        }

        var best = 0;
        for (var c = 1; c < EntityTags.Count; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        var second = float.NegativeInfinity;
        for (var c = 0; c < EntityTags.Count; c++)
        {
            if (c != best && scores[c] > second)
            {
                second = scores[c];
            }
        }

        margin = scores[best] - second;
        return (EntityTag)best;
    }
}
