namespace SlmPlatform.Specialists.Training;

/// <summary>
/// Mean cross-entropy (with optional label smoothing) and its gradient over a mini-batch, the rows split across
/// worker threads that each sum into their own buffer; the buffers are added at the end, so the result does not
/// depend on thread timing.
/// </summary>
internal sealed class BatchGradient
{
    private readonly HeadNetwork _network;
    private readonly int _workers;
    private readonly float[][] _gradients;
    private readonly float[][] _hidden;
    private readonly float[][] _gradHidden;
    private readonly float[][] _logits;

    public BatchGradient(HeadNetwork network, int workers)
    {
        _network = network;
        _workers = Math.Max(1, workers);
        _gradients = [.. Enumerable.Range(0, _workers).Select(_ => new float[network.ParameterCount])];
        _hidden = [.. Enumerable.Range(0, _workers).Select(_ => new float[Math.Max(1, network.Hidden)])];
        _gradHidden = [.. Enumerable.Range(0, _workers).Select(_ => new float[Math.Max(1, network.Hidden)])];
        _logits = [.. Enumerable.Range(0, _workers).Select(_ => new float[network.Classes])];
    }

    /// <summary>Writes the batch's mean gradient into <paramref name="gradient"/> and returns its mean loss.</summary>
    public double Compute(
        float[] parameters, LabelledVectors data, ArraySegment<int> batch, float[] gradient, float dropout, float labelSmoothing, ulong seed)
    {
        var losses = new double[_workers];
        var workers = Math.Min(_workers, batch.Count);
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var g = _gradients[w];
            Array.Clear(g);
            var from = batch.Count * w / workers;
            var to = batch.Count * (w + 1) / workers;
            double loss = 0;
            for (var k = from; k < to; k++)
            {
                var row = batch[k];
                loss += Row(parameters, data.Row(row), data.Labels[row], g, w, dropout, labelSmoothing, Seeds.SplitMix(seed ^ (ulong)row));
            }

            losses[w] = loss;
        });

        Array.Copy(_gradients[0], gradient, gradient.Length);
        for (var w = 1; w < workers; w++)
        {
            TensorPrimitives.Add(gradient, _gradients[w], gradient);
        }

        TensorPrimitives.Multiply(gradient, 1f / batch.Count, gradient);
        return losses.Sum() / batch.Count;
    }

    private double Row(float[] parameters, ReadOnlySpan<float> x, int label, float[] gradient, int worker, float dropout, float labelSmoothing, ulong rowSeed)
    {
        var logits = _logits[worker];
        _network.Forward(parameters, x, _hidden[worker], logits, dropout, rowSeed);
        HeadNetwork.Softmax(logits);
        // The loss needs log p before the probabilities turn into the gradient p - target.
        var off = labelSmoothing / logits.Length;
        double loss = 0;
        if (labelSmoothing > 0)
        {
            for (var c = 0; c < logits.Length; c++)
            {
                loss -= off * Math.Log(Math.Max(logits[c], 1e-30f));
                logits[c] -= off;
            }
        }

        loss -= (1 - labelSmoothing) * Math.Log(Math.Max(logits[label] + off, 1e-30f));
        logits[label] -= 1 - labelSmoothing;
        _network.Backward(parameters, x, _hidden[worker], logits, gradient, _gradHidden[worker], dropout);
        return loss;
    }
}
