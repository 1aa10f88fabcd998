namespace SlmPlatform.TaskDiscovery.Quality;

internal sealed record QualityRow(string Method, bool ToldK, double Nmi, double Ari, int Clusters, double OutlierShare, double Seconds);

/// <summary>Clusters the data set several ways and scores each against the labels, every item counted.</summary>
internal static class QualityRows
{
    public static List<QualityRow> Measure(VectorSet set, int[] truth, int trueK)
    {
        var defaults = new TopicClusteringOptions();
        return
        [
            Row("k-means (spherical, k-means++), told k", true, truth, () => KMeans.Cluster(set, trueK)),
            Row("HDBSCAN alone (min cluster 10, min samples 5)", false, truth,
                () => TopicClusterer.Cluster(set, defaults with { SmoothingIterations = 0, AbsorbNoise = false }).Labels),
            Row("smoothing + HDBSCAN, noise kept", false, truth,
                () => TopicClusterer.Cluster(set, defaults with { AbsorbNoise = false }).Labels),
            Row("**TopicClusterer defaults** (smoothing + HDBSCAN + noise absorbed)", false, truth,
                () => TopicClusterer.Cluster(set, defaults).Labels),
            Row("same, large-set path: 1,540 sampled and clustered, the rest assigned", false, truth,
                () => TopicClusterer.Cluster(set, defaults with { MaxClusteredPoints = set.Count / 2 }).Labels),
        ];
    }

    private static QualityRow Row(string method, bool toldK, int[] truth, Func<int[]> cluster)
    {
        var sw = Stopwatch.StartNew();
        var labels = cluster();
        sw.Stop();
        var row = new QualityRow(method, toldK, ClusteringMetrics.Nmi(truth, labels), ClusteringMetrics.Ari(truth, labels),
            labels.Where(l => l >= 0).Distinct().Count(), labels.Count(l => l < 0) / (double)labels.Length, sw.Elapsed.TotalSeconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{method,-75} NMI {row.Nmi:F3} ARI {row.Ari:F3} clusters {row.Clusters,4} outliers {row.OutlierShare:P1} {row.Seconds:F1}s"));
        return row;
    }
}
