namespace SlmPlatform.TaskDiscovery.Quality;

internal sealed record ScaleResult(int Vectors, double ClusterSeconds, long PeakWorkingSetBytes, long AllocatedBytes, double Nmi, int Clusters,
    double OutlierShare, double SearchMilliseconds, double SaveSeconds, double LoadSeconds, long FileBytes);

/// <summary>
/// Re-clustering 100,000 vectors: the data set's vectors replicated with Gaussian noise (each copy keeps its source's
/// label, so the result can still be scored), then clustered with the defaults; plus exact top-10 search over all of
/// them in a <see cref="FlatVectorIndex"/> and its save/load round trip.
/// </summary>
internal static class Scale
{
    public static ScaleResult Measure(VectorSet source, int[] truth, int count = 100_000)
    {
        var random = new Random(100_000);
        var d = source.Dimensions;
        var data = new float[count * d];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            var from = random.Next(source.Count);
            labels[i] = truth[from];
            var row = data.AsSpan(i * d, d);
            source[from].CopyTo(row);
            for (var j = 0; j < d; j++)
            {
                // σ = 0.02 per dimension on unit vectors: copies sit at cosine ≈ 0.9 to their source.
                row[j] += (float)(0.02 * random.NextGaussian());
            }
        }

        var set = new VectorSet(data, d);
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        var clustering = TopicClusterer.Cluster(set);
        var seconds = sw.Elapsed.TotalSeconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;

        using var index = new FlatVectorIndex(d, count);
        for (var i = 0; i < count; i++)
        {
            index.Upsert(i.ToString(CultureInfo.InvariantCulture), (i % 4).ToString(CultureInfo.InvariantCulture), set[i]);
        }

        index.Search(set[0], 10);
        sw.Restart();
        for (var q = 0; q < 50; q++)
        {
            index.Search(set[q * 7], 10);
        }

        var searchMs = sw.Elapsed.TotalMilliseconds / 50;
        var file = Path.Combine(Path.GetTempPath(), "slm-task-discovery", "scale.index");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        sw.Restart();
        index.SaveToFile(file);
        var save = sw.Elapsed.TotalSeconds;
        sw.Restart();
        using var loaded = FlatVectorIndex.LoadFile(file);
        var load = sw.Elapsed.TotalSeconds;
        var bytes = new FileInfo(file).Length;
        File.Delete(file);

        var result = new ScaleResult(count, seconds, peak, allocated, ClusteringMetrics.Nmi(labels, clustering.Labels), clustering.ClusterCount,
            clustering.OutlierCount / (double)count, searchMs, save, load, bytes);
        Console.WriteLine(result);
        return result;
    }
}

internal static class RandomExtensions
{
    public static double NextGaussian(this Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
