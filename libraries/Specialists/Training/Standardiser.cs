namespace SlmPlatform.Specialists.Training;

/// <summary>
/// Per-dimension centring and scaling fitted on the training rows. Sentence embeddings are unit vectors whose
/// dimensions are tiny and unevenly spread; standardised inputs let one learning rate and one L2 weight suit them all.
/// </summary>
public sealed record Standardiser(float[] Mean, float[] Scale)
{
    public static Standardiser Fit(LabelledVectors data)
    {
        var d = data.Dimensions;
        var mean = new double[d];
        var square = new double[d];
        for (var i = 0; i < data.Count; i++)
        {
            var row = data.Row(i);
            for (var j = 0; j < d; j++)
            {
                mean[j] += row[j];
                square[j] += (double)row[j] * row[j];
            }
        }

        var n = Math.Max(1, data.Count);
        var m = new float[d];
        var s = new float[d];
        for (var j = 0; j < d; j++)
        {
            var mu = mean[j] / n;
            var variance = Math.Max(0, square[j] / n - mu * mu);
            m[j] = (float)mu;
            s[j] = variance > 1e-12 ? (float)(1 / Math.Sqrt(variance)) : 1f;
        }

        return new Standardiser(m, s);
    }

    public void Apply(ReadOnlySpan<float> source, Span<float> destination)
    {
        TensorPrimitives.Subtract(source, Mean, destination);
        TensorPrimitives.Multiply(destination, Scale, destination);
    }

    public LabelledVectors Apply(LabelledVectors data)
    {
        var features = new float[data.Features.Length];
        for (var i = 0; i < data.Count; i++)
        {
            Apply(data.Row(i), features.AsSpan(i * data.Dimensions, data.Dimensions));
        }

        return data with { Features = features };
    }
}
