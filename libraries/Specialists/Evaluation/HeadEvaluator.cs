using SlmPlatform.Specialists.Artifacts;
using SlmPlatform.Specialists.Training;

namespace SlmPlatform.Specialists.Evaluation;

/// <summary>Scores a classifier head on held-out rows (raw embeddings, as serving sees them).</summary>
public static class HeadEvaluator
{
    public static (ClassificationReport Report, int[] Predicted) Evaluate(ClassifierHead head, LabelledVectors test)
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(test);
        var predicted = new int[test.Count];
        Parallel.For(0, test.Count, () => new float[head.Labels.Count], (i, _, probabilities) =>
        {
            predicted[i] = head.Predict(test.Row(i), probabilities);
            return probabilities;
        }, _ => { });
        return (ClassificationReport.Compute(test.Labels, predicted, head.Labels.Count), predicted);
    }
}
