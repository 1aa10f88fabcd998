namespace SlmPlatform.Scrubbing.Recognizers.Tagging;

/// <summary>
/// Trains <see cref="AveragedPerceptron"/> weights. Averaging (Daumé's trick: keep the weights and the
/// step-weighted sum of updates, subtract at the end) makes the greedy perceptron nearly as good as a CRF here.
/// </summary>
internal sealed class PerceptronTrainer
{
    private readonly float[] _weights = new float[AveragedPerceptron.WeightCount];
    private readonly double[] _stepWeighted = new double[AveragedPerceptron.WeightCount];
    private long _step = 1;

    public EntityTag Predict(ReadOnlySpan<uint> features) => AveragedPerceptron.Best(_weights, features, out _);

    /// <summary>Counts one token seen, and moves the weights towards <paramref name="gold"/> where the guess was wrong.</summary>
    public void Learn(ReadOnlySpan<uint> features, EntityTag gold, EntityTag guess)
    {
        if (gold != guess)
        {
            foreach (var feature in features)
            {
                var row = (int)(feature & AveragedPerceptron.Mask) * AveragedPerceptron.Stride;
                _weights[row + (int)gold] += 1;
                _weights[row + (int)guess] -= 1;
                _stepWeighted[row + (int)gold] += _step;
                _stepWeighted[row + (int)guess] -= _step;
            }
        }

        _step++;
    }

    public AveragedPerceptron Average()
    {
        var averaged = new float[_weights.Length];
        for (var k = 0; k < averaged.Length; k++)
        {
            averaged[k] = (float)(_weights[k] - (_stepWeighted[k] / _step));
        }

        return new AveragedPerceptron(averaged);
    }
}
