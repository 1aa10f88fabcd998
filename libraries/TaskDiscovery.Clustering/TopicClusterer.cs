namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>The outcome of clustering: a label per vector (-1 for an outlier) and the assigner for newcomers.</summary>
public sealed record TopicClustering(int[] Labels, int ClusterCount, ClusterAssigner Assigner)
{
    public int OutlierCount => Labels.Count(l => l < 0);
}

/// <summary>
/// Topics within one call site, the number of clusters found rather than given: neighbour smoothing (a light stand-in
/// for UMAP), HDBSCAN, then HDBSCAN's noise offered to the nearest cluster when close enough; what is left stays an
/// outlier. Large sets are clustered on a sample and the rest assigned by the same rule.
/// </summary>
public static class TopicClusterer
{
    public static TopicClustering Cluster(VectorSet set, TopicClusteringOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        options ??= new TopicClusteringOptions();
        if (set.Count <= options.MaxClusteredPoints)
        {
            return ClusterAll(set, options, cancellationToken);
        }

        var sample = Enumerable.Range(0, set.Count).ToArray();
        new Random(options.Seed).Shuffle(sample);
        sample = sample[..options.MaxClusteredPoints];
        var sampled = ClusterAll(set.Subset(sample), options, cancellationToken);
        var labels = new int[set.Count];
        Array.Fill(labels, int.MinValue);
        for (var i = 0; i < sample.Length; i++)
        {
            labels[sample[i]] = sampled.Labels[i];
        }

        Parallel.For(0, set.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            if (labels[i] == int.MinValue)
            {
                labels[i] = sampled.Assigner.Assign(set[i]).ClusterId;
            }
        });
        return new TopicClustering(labels, sampled.ClusterCount, sampled.Assigner);
    }

    private static TopicClustering ClusterAll(VectorSet set, TopicClusteringOptions options, CancellationToken cancellationToken)
    {
        var clustered = set;
        if (options.SmoothingIterations > 0 && set.Count > options.NeighborCount)
        {
            var graph = NearestNeighbors.Compute(set, options.NeighborCount, cancellationToken);
            clustered = NeighborSmoothing.Smooth(set, graph, options.SmoothingIterations);
        }

        var labels = Hdbscan.Cluster(clustered, options.MinClusterSize, options.MinSamples ?? options.MinClusterSize, options.Selection, cancellationToken);
        Demote(set, labels, options.AssignMinSimilarity);
        var assigner = ClusterAssigner.Fit(set, labels, options.AssignMinSimilarity, options.AssignMemberQuantile);
        if (options.AbsorbNoise)
        {
            for (var i = 0; i < labels.Length; i++)
            {
                if (labels[i] < 0)
                {
                    labels[i] = assigner.Assign(set[i]).ClusterId;
                }
            }
        }

        return new TopicClustering(labels, assigner.ClusterCount, assigner);
    }

    /// <summary>
    /// Smoothing pulls a stray towards its nearest cluster, so HDBSCAN may take it in; in the original space it is
    /// still far from that cluster's centroid. Such members become outliers again.
    /// </summary>
    private static void Demote(VectorSet set, int[] labels, float minSimilarity)
    {
        var centroids = ClusterAssigner.Fit(set, labels, minSimilarity: 0, memberQuantile: 0);
        var slot = centroids.ClusterIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] >= 0 && VectorMath.Dot(set[i], centroids.Centroid(slot[labels[i]])) < minSimilarity)
            {
                labels[i] = -1;
            }
        }
    }
}
