namespace SlmPlatform.TaskDiscovery.Clustering.UnitTests;

/// <summary>Synthetic topics: unit vectors scattered around random centres, far apart in 32 dimensions.</summary>
internal static class Blobs
{
    public static (VectorSet Set, int[] Labels) Make(int clusters, int perCluster, double spread, int seed, int dimensions = 32)
    {
        var random = new Random(seed);
        var centres = new float[clusters][];
        for (var c = 0; c < clusters; c++)
        {
            centres[c] = RandomUnit(random, dimensions);
        }

        var data = new float[clusters * perCluster * dimensions];
        var labels = new int[clusters * perCluster];
        for (var i = 0; i < labels.Length; i++)
        {
            var c = i % clusters;
            labels[i] = c;
            for (var j = 0; j < dimensions; j++)
            {
                data[(i * dimensions) + j] = centres[c][j] + (float)(spread * Gaussian(random));
            }
        }

        return (new VectorSet(data, dimensions), labels);
    }

    public static float[] RandomUnit(Random random, int dimensions)
    {
        var v = new float[dimensions];
        for (var j = 0; j < dimensions; j++)
        {
            v[j] = (float)Gaussian(random);
        }

        VectorMath.Normalize(v);
        return v;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
