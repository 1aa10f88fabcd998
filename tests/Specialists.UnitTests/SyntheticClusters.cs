namespace SlmPlatform.Specialists.UnitTests;

/// <summary>Gaussian clusters around random unit centres: a labelled set whose achievable accuracy is known to be high.</summary>
internal static class SyntheticClusters
{
    public static LabelledVectors Make(int classes, int perClass, int dimensions, float noise, int seed)
    {
        var random = new Random(seed);
        var centres = new float[classes][];
        for (var c = 0; c < classes; c++)
        {
            centres[c] = [.. Enumerable.Range(0, dimensions).Select(_ => (float)Gaussian(random))];
        }

        return Sample(centres, perClass, noise, random);
    }

    public static (LabelledVectors Train, LabelledVectors Test) MakePair(int classes, int perClass, int dimensions, float noise, int seed)
    {
        var random = new Random(seed);
        var centres = new float[classes][];
        for (var c = 0; c < classes; c++)
        {
            centres[c] = [.. Enumerable.Range(0, dimensions).Select(_ => (float)Gaussian(random))];
        }

        return (Sample(centres, perClass, noise, random), Sample(centres, perClass, noise, random));
    }

    private static LabelledVectors Sample(float[][] centres, int perClass, float noise, Random random)
    {
        var dimensions = centres[0].Length;
        var n = centres.Length * perClass;
        var features = new float[n * dimensions];
        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            labels[i] = i % centres.Length;
            for (var j = 0; j < dimensions; j++)
            {
                features[i * dimensions + j] = centres[labels[i]][j] + noise * (float)Gaussian(random);
            }
        }

        return new LabelledVectors(features, dimensions, labels);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
