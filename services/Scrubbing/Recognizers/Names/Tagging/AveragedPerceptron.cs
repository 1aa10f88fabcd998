namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// The tagger's weights: one row of <see cref="EntityTags.Count"/> weights per hashed feature bucket. Read-only once
/// trained, so one instance serves every thread.
/// </summary>
internal sealed class AveragedPerceptron(float[] weights)
{
    public const int BucketBits = 18;
    public const int Mask = (1 << BucketBits) - 1;

    public static int WeightCount => (1 << BucketBits) * EntityTags.Count;

    /// <summary>The best-scoring tag; ties go to the lower tag, so <see cref="EntityTag.Outside"/> wins a tie.</summary>
    public EntityTag Predict(ReadOnlySpan<uint> features) => Best(weights, features, out _);

    /// <summary>The best tag and its margin: how far its score lies above the runner-up's (0 on a tie).</summary>
    public EntityTag Predict(ReadOnlySpan<uint> features, out float margin) => Best(weights, features, out margin);

    internal static EntityTag Best(float[] weights, ReadOnlySpan<uint> features, out float margin)
    {
        Span<float> scores = stackalloc float[EntityTags.Count];
        foreach (var feature in features)
        {
            var row = weights.AsSpan((int)(feature & Mask) * EntityTags.Count, EntityTags.Count);
            for (var c = 0; c < EntityTags.Count; c++)
            {
                scores[c] += row[c];
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
