namespace SlmPlatform.Specialists.Training;

/// <summary>Adam (Kingma and Ba, 2015) with bias correction; its state is part of a checkpoint.</summary>
internal sealed class Adam(int parameters, float learningRate, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
{
    public float[] FirstMoment { get; private set; } = new float[parameters];

    public float[] SecondMoment { get; private set; } = new float[parameters];

    public long Steps { get; private set; }

    public void Restore(float[] first, float[] second, long steps)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(first.Length, parameters);
        ArgumentOutOfRangeException.ThrowIfNotEqual(second.Length, parameters);
        FirstMoment = first;
        SecondMoment = second;
        Steps = steps;
    }

    public void Step(Span<float> values, ReadOnlySpan<float> gradient, float learningRateScale = 1f)
    {
        Steps++;
        var m = FirstMoment;
        var v = SecondMoment;
        var correction1 = 1 - Math.Pow(beta1, Steps);
        var correction2 = 1 - Math.Pow(beta2, Steps);
        var stepSize = (float)(learningRate * learningRateScale * Math.Sqrt(correction2) / correction1);
        for (var i = 0; i < values.Length; i++)
        {
            var g = gradient[i];
            m[i] = beta1 * m[i] + (1 - beta1) * g;
            v[i] = beta2 * v[i] + (1 - beta2) * g * g;
            values[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) + epsilon);
        }
    }
}
