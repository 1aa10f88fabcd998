namespace SlmPlatform.Specialists.Training;

/// <summary>
/// The classifier head's arithmetic: softmax regression (<c>hidden</c> = 0) or one ReLU hidden layer, over one flat
/// parameter vector. Layout: [W1 (hidden × d), b1 (hidden)] when there is a hidden layer, then W2 (classes × inputs
/// to it), b2 (classes). Every inner loop is a SIMD dot product or axpy over a contiguous row.
/// </summary>
internal sealed class HeadNetwork
{
    public HeadNetwork(int dimensions, int hidden, int classes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(hidden);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Dimensions = dimensions;
        Hidden = hidden;
        Classes = classes;
        OutputInputs = hidden > 0 ? hidden : dimensions;
        W2Offset = hidden > 0 ? hidden * dimensions + hidden : 0;
        B2Offset = W2Offset + classes * OutputInputs;
        ParameterCount = B2Offset + classes;
    }

    public int Dimensions { get; }

    public int Hidden { get; }

    public int Classes { get; }

    public int ParameterCount { get; }

    private int OutputInputs { get; }

    private int W2Offset { get; }

    private int B2Offset { get; }

    /// <summary>He initialisation for the hidden layer, small Gaussian for the output layer, zero biases.</summary>
    public float[] Initialise(int seed)
    {
        var parameters = new float[ParameterCount];
        var random = new Random(seed);
        if (Hidden > 0)
        {
            Fill(parameters.AsSpan(0, Hidden * Dimensions), Math.Sqrt(2.0 / Dimensions), random);
        }

        Fill(parameters.AsSpan(W2Offset, Classes * OutputInputs), Math.Sqrt(1.0 / OutputInputs) * 0.1, random);
        return parameters;
    }

    /// <summary>Logits for one row; <paramref name="hidden"/> receives the hidden activations (after ReLU and dropout).</summary>
    public void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> x, Span<float> hidden, Span<float> logits, float dropout, ulong dropoutSeed)
    {
        ReadOnlySpan<float> input = x;
        if (Hidden > 0)
        {
            var keep = 1f - dropout;
            for (var j = 0; j < Hidden; j++)
            {
                var a = TensorPrimitives.Dot(parameters.Slice(j * Dimensions, Dimensions), x) + parameters[Hidden * Dimensions + j];
                hidden[j] = a <= 0 ? 0 : dropout > 0 ? (Dropped(dropoutSeed, j, dropout) ? 0 : a / keep) : a;
            }

            input = hidden[..Hidden];
        }

        for (var c = 0; c < Classes; c++)
        {
            logits[c] = TensorPrimitives.Dot(parameters.Slice(W2Offset + c * OutputInputs, OutputInputs), input) + parameters[B2Offset + c];
        }
    }

    /// <summary>
    /// Adds one row's gradient to <paramref name="gradient"/>, given the gradient of the loss with respect to the
    /// logits; <paramref name="hidden"/> is what <see cref="Forward"/> wrote for the row.
    /// </summary>
    public void Backward(
        ReadOnlySpan<float> parameters, ReadOnlySpan<float> x, ReadOnlySpan<float> hidden, ReadOnlySpan<float> gradLogits,
        Span<float> gradient, Span<float> gradHidden, float dropout)
    {
        ReadOnlySpan<float> input = Hidden > 0 ? hidden[..Hidden] : x;
        if (Hidden > 0)
        {
            gradHidden[..Hidden].Clear();
        }

        for (var c = 0; c < Classes; c++)
        {
            var g = gradLogits[c];
            if (g == 0)
            {
                continue;
            }

            var row = gradient.Slice(W2Offset + c * OutputInputs, OutputInputs);
            TensorPrimitives.MultiplyAdd(input, g, row, row);
            gradient[B2Offset + c] += g;
            if (Hidden > 0)
            {
                TensorPrimitives.MultiplyAdd(parameters.Slice(W2Offset + c * OutputInputs, OutputInputs), g, gradHidden[..Hidden], gradHidden[..Hidden]);
            }
        }

        if (Hidden == 0)
        {
            return;
        }

        // A unit passed gradient only where it was active (ReLU) and kept (dropout, which also scaled it).
        var scale = 1f / (1f - dropout);
        for (var j = 0; j < Hidden; j++)
        {
            if (hidden[j] <= 0)
            {
                continue;
            }

            var g = gradHidden[j] * scale;
            var row = gradient.Slice(j * Dimensions, Dimensions);
            TensorPrimitives.MultiplyAdd(x, g, row, row);
            gradient[Hidden * Dimensions + j] += g;
        }
    }

    /// <summary>Adds the L2 penalty's gradient (weights only, never biases) and returns the penalty.</summary>
    public double AddL2(ReadOnlySpan<float> parameters, Span<float> gradient, float l2)
    {
        if (l2 <= 0)
        {
            return 0;
        }

        double penalty = 0;
        foreach (var (offset, length) in WeightBlocks())
        {
            var w = parameters.Slice(offset, length);
            penalty += 0.5 * l2 * TensorPrimitives.Dot(w, w);
            var g = gradient.Slice(offset, length);
            TensorPrimitives.MultiplyAdd(w, l2, g, g);
        }

        return penalty;
    }

    /// <summary>Softmax in place; returns the log of the normaliser so that log p(c) = logit(c) - result.</summary>
    public static float Softmax(Span<float> logits)
    {
        var max = TensorPrimitives.Max(logits);
        TensorPrimitives.Subtract(logits, max, logits);
        TensorPrimitives.Exp(logits, logits);
        var sum = TensorPrimitives.Sum(logits);
        TensorPrimitives.Divide(logits, sum, logits);
        return max + MathF.Log(sum);
    }

    private IEnumerable<(int Offset, int Length)> WeightBlocks()
    {
        if (Hidden > 0)
        {
            yield return (0, Hidden * Dimensions);
        }

        yield return (W2Offset, Classes * OutputInputs);
    }

    private static bool Dropped(ulong seed, int unit, float rate) =>
        (Seeds.SplitMix(seed + (ulong)unit * 0x9E3779B97F4A7C15UL) >> 40) * (1.0 / (1UL << 24)) < rate;

    private static void Fill(Span<float> values, double std, Random random)
    {
        for (var i = 0; i < values.Length; i++)
        {
            // Box-Muller.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            values[i] = (float)(std * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
    }
}
