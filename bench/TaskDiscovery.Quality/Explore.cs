namespace SlmPlatform.TaskDiscovery.Quality;

/// <summary>
/// A grid of clustering settings printed for choosing defaults, on a seeded sample of BANKING77's train split the size
/// of the test split (so density, and with it HDBSCAN's sizes, match); never on the test split, never written to docs.
/// </summary>
internal static class Explore
{
    private static readonly int[] NeighborCounts = [10];
    private static readonly int[] Iterations = [5];
    private static readonly int[] MinClusterSizes = [10, 12, 15];
    private static readonly int[] MinSamples = [3, 5];

    public static void Run(VectorSet set, int[] truth)
    {
        var grid =
            from k in NeighborCounts
            from t in Iterations
            from mcs in MinClusterSizes
            from ms in MinSamples
            select new TopicClusteringOptions { NeighborCount = k, SmoothingIterations = t, MinClusterSize = mcs, MinSamples = ms };
        foreach (var options in grid)
        {
            Report($"k={options.NeighborCount} t={options.SmoothingIterations} mcs={options.MinClusterSize} ms={options.MinSamples}", truth, () => TopicClusterer.Cluster(set, options).Labels);
        }

    }

    public static void Report(string name, int[] truth, Func<int[]> cluster)
    {
        var sw = Stopwatch.StartNew();
        var labels = cluster();
        var clusters = labels.Where(l => l >= 0).Distinct().Count();
        var outliers = labels.Count(l => l < 0) / (double)labels.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-45} NMI {ClusteringMetrics.Nmi(truth, labels):F3} ARI {ClusteringMetrics.Ari(truth, labels):F3} clusters {clusters,4} outliers {outliers:P1} {sw.Elapsed.TotalSeconds:F1}s"));
    }
}
