namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>
/// Assigns a vector to the cluster with the most similar centroid when it is close enough, else to the outlier pool
/// (-1). "Close enough" is per cluster: at least <see cref="MinSimilarity"/> and at least the similarity of the
/// cluster's loosest members (a low quantile), so tight topics do not swallow strays and loose ones still take
/// their own kind.
/// </summary>
public sealed class ClusterAssigner
{
    private readonly float[] _centroids;
    private readonly float[] _thresholds;
    private readonly int[] _clusterIds;

    private ClusterAssigner(int dimensions, float[] centroids, float[] thresholds, int[] clusterIds, float minSimilarity)
    {
        Dimensions = dimensions;
        _centroids = centroids;
        _thresholds = thresholds;
        _clusterIds = clusterIds;
        MinSimilarity = minSimilarity;
    }

    public int Dimensions { get; }

    public float MinSimilarity { get; }

    public int ClusterCount => _clusterIds.Length;

    /// <summary>Centroid of cluster id (unit length).</summary>
    public ReadOnlySpan<float> Centroid(int index) => _centroids.AsSpan(index * Dimensions, Dimensions);

    public IReadOnlyList<int> ClusterIds => _clusterIds;

    /// <summary>The similarity to <see cref="Centroid"/> that a newcomer needs to join the cluster at <paramref name="index"/>.</summary>
    public float Threshold(int index) => _thresholds[index];

    /// <summary>
    /// Centroids and thresholds from a clustering; labels below zero are outliers and ignored. A cluster's threshold
    /// is the <paramref name="memberQuantile"/> quantile of its members' similarities to the centroid, but never
    /// below <paramref name="minSimilarity"/>.
    /// </summary>
    public static ClusterAssigner Fit(VectorSet set, IReadOnlyList<int> labels, float minSimilarity = 0.5f, double memberQuantile = 0.05)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(labels);
        var d = set.Dimensions;
        var ids = labels.Where(l => l >= 0).Distinct().Order().ToArray();
        var slotOf = ids.Select((id, slot) => (id, slot)).ToDictionary(p => p.id, p => p.slot);
        var centroids = new float[ids.Length * d];
        for (var i = 0; i < set.Count; i++)
        {
            if (labels[i] >= 0)
            {
                VectorMath.AddScaled(centroids.AsSpan(slotOf[labels[i]] * d, d), set[i]);
            }
        }

        var similarities = new List<float>[ids.Length];
        for (var c = 0; c < ids.Length; c++)
        {
            VectorMath.Normalize(centroids.AsSpan(c * d, d));
            similarities[c] = [];
        }

        for (var i = 0; i < set.Count; i++)
        {
            if (labels[i] >= 0)
            {
                var slot = slotOf[labels[i]];
                similarities[slot].Add(VectorMath.Dot(set[i], centroids.AsSpan(slot * d, d)));
            }
        }

        var thresholds = new float[ids.Length];
        for (var c = 0; c < ids.Length; c++)
        {
            similarities[c].Sort();
            var q = similarities[c][(int)Math.Floor(memberQuantile * (similarities[c].Count - 1))];
            thresholds[c] = Math.Max(minSimilarity, q);
        }

        return new ClusterAssigner(d, centroids, thresholds, ids, minSimilarity);
    }

    /// <summary>The nearest cluster's id and similarity, or id -1 when no centroid is close enough.</summary>
    public (int ClusterId, float Similarity) Assign(ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Expected {Dimensions} dimensions, got {vector.Length}.", nameof(vector));
        }

        var normalized = vector.ToArray();
        VectorMath.Normalize(normalized);
        var best = -1;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < _clusterIds.Length; c++)
        {
            var score = VectorMath.Dot(normalized, Centroid(c));
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }

        return best >= 0 && bestScore >= _thresholds[best] ? (_clusterIds[best], bestScore) : (-1, bestScore);
    }
}
