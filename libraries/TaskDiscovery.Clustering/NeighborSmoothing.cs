namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>
/// Moves every vector towards its neighbourhood: x ← normalise(x + Σ of its k nearest neighbours), repeated over the
/// same neighbour graph. A cheap stand-in for what UMAP does for clustering: points of one dense region pull
/// together, gaps between regions widen, and the vectors keep their dimensions and meaning.
/// </summary>
internal static class NeighborSmoothing
{
    public static VectorSet Smooth(VectorSet set, NearestNeighbors graph, int iterations)
    {
        var d = set.Dimensions;
        var current = set.Data;
        for (var t = 0; t < iterations; t++)
        {
            var source = current;
            var next = new float[source.Length];
            Parallel.For(0, set.Count, i =>
            {
                var target = next.AsSpan(i * d, d);
                source.AsSpan(i * d, d).CopyTo(target);
                foreach (var j in graph.Of(i))
                {
                    VectorMath.AddScaled(target, source.AsSpan(j * d, d));
                }

                VectorMath.Normalize(target);
            });
            current = next;
        }

        return new VectorSet(current == set.Data ? (float[])current.Clone() : current, d);
    }
}
