namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>Spherical k-means (cosine) with k-means++ seeding; a reference point and a building block, since it
/// needs k to be told.</summary>
public static class KMeans
{
    public static int[] Cluster(VectorSet set, int k, int seed = 1, int maxIterations = 50, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(set);
        k = Math.Clamp(k, 1, set.Count);
        var d = set.Dimensions;
        var centroids = Seed(set, k, new Random(seed));
        var labels = new int[set.Count];
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            var changed = 0;
            Parallel.For(0, set.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            {
                var best = Nearest(centroids, k, d, set[i]);
                if (best != labels[i] || iteration == 0)
                {
                    labels[i] = best;
                    Interlocked.Increment(ref changed);
                }
            });

            centroids = Centroids(set, labels, k, centroids);
            if (changed == 0 && iteration > 0)
            {
                break;
            }
        }

        return labels;
    }

    internal static int Nearest(float[] centroids, int k, int d, ReadOnlySpan<float> vector)
    {
        var best = 0;
        var bestScore = float.NegativeInfinity;
        for (var c = 0; c < k; c++)
        {
            var score = VectorMath.Dot(vector, centroids.AsSpan(c * d, d));
            if (score > bestScore)
            {
                bestScore = score;
                best = c;
            }
        }

        return best;
    }

    private static float[] Seed(VectorSet set, int k, Random random)
    {
        var d = set.Dimensions;
        var centroids = new float[k * d];
        var nearest = new float[set.Count];
        Array.Fill(nearest, float.PositiveInfinity);
        var chosen = random.Next(set.Count);
        for (var c = 0; c < k; c++)
        {
            set[chosen].CopyTo(centroids.AsSpan(c * d, d));
            var centroid = centroids.AsSpan(c * d, d).ToArray();
            double total = 0;
            for (var i = 0; i < set.Count; i++)
            {
                var distance = Math.Max(0, 1 - VectorMath.Dot(set[i], centroid));
                nearest[i] = Math.Min(nearest[i], distance * distance);
                total += nearest[i];
            }

            // The next seed is drawn with probability proportional to the squared distance to the nearest seed.
            var target = random.NextDouble() * total;
            chosen = set.Count - 1;
            for (var i = 0; i < set.Count; i++)
            {
                target -= nearest[i];
                if (target <= 0)
                {
                    chosen = i;
                    break;
                }
            }
        }

        return centroids;
    }

    private static float[] Centroids(VectorSet set, int[] labels, int k, float[] previous)
    {
        var d = set.Dimensions;
        var centroids = new float[k * d];
        var counts = new int[k];
        for (var i = 0; i < set.Count; i++)
        {
            VectorMath.AddScaled(centroids.AsSpan(labels[i] * d, d), set[i]);
            counts[labels[i]]++;
        }

        for (var c = 0; c < k; c++)
        {
            var centroid = centroids.AsSpan(c * d, d);
            if (counts[c] == 0)
            {
                previous.AsSpan(c * d, d).CopyTo(centroid);
            }

            VectorMath.Normalize(centroid);
        }

        return centroids;
    }
}
