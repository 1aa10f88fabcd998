namespace SlmPlatform.Specialists.Training;

internal static class HeadEvaluation
{
    /// <summary>Mean cross-entropy and accuracy of one member on already standardised rows.</summary>
    public static (double Loss, double Accuracy) LossAndAccuracy(HeadNetwork network, float[] parameters, LabelledVectors data, int workers)
    {
        var losses = new double[workers];
        var correct = new int[workers];
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var hidden = new float[Math.Max(1, network.Hidden)];
            var logits = new float[network.Classes];
            for (var i = data.Count * w / workers; i < data.Count * (w + 1) / workers; i++)
            {
                network.Forward(parameters, data.Row(i), hidden, logits, 0, 0);
                HeadNetwork.Softmax(logits);
                losses[w] -= Math.Log(Math.Max(logits[data.Labels[i]], 1e-30f));
                correct[w] += TensorPrimitives.IndexOfMax(logits) == data.Labels[i] ? 1 : 0;
            }
        });
        return (losses.Sum() / data.Count, (double)correct.Sum() / data.Count);
    }
}
