namespace SlmPlatform.Specialists.Evaluation;

/// <summary>
/// Held-out quality of a classifier: accuracy with its 95 % Wilson interval, macro-F1 with a 95 % percentile
/// bootstrap interval (1,000 resamples, fixed seed), over <see cref="N"/> rows.
/// </summary>
public sealed record ClassificationReport(
    int N, double Accuracy, double AccuracyLow, double AccuracyHigh, double MacroF1, double MacroF1Low, double MacroF1High)
{
    private const double Z95 = 1.959963984540054;

    public static ClassificationReport Compute(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, int classes, int bootstrapResamples = 1000, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentOutOfRangeException.ThrowIfNotEqual(truth.Count, predicted.Count);
        var n = truth.Count;
        if (n == 0)
        {
            return new ClassificationReport(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var correct = Enumerable.Range(0, n).Count(i => truth[i] == predicted[i]);
        var (low, high) = Wilson(correct, n);
        var all = Enumerable.Range(0, n).ToArray();
        var macroF1 = ComputeMacroF1(truth, predicted, all, classes);

        var random = new Random(seed);
        var samples = new double[bootstrapResamples];
        var pick = new int[n];
        for (var b = 0; b < bootstrapResamples; b++)
        {
            for (var i = 0; i < n; i++)
            {
                pick[i] = random.Next(n);
            }

            samples[b] = ComputeMacroF1(truth, predicted, pick, classes);
        }

        Array.Sort(samples);
        var f1Low = bootstrapResamples == 0 ? macroF1 : samples[(int)(0.025 * (bootstrapResamples - 1))];
        var f1High = bootstrapResamples == 0 ? macroF1 : samples[(int)Math.Ceiling(0.975 * (bootstrapResamples - 1))];
        return new ClassificationReport(n, (double)correct / n, low, high, macroF1, f1Low, f1High);
    }

    /// <summary>The 95 % Wilson score interval of a proportion.</summary>
    public static (double Low, double High) Wilson(int successes, int n)
    {
        var p = (double)successes / n;
        var z2 = Z95 * Z95;
        var centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        var half = Z95 * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return (Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Unweighted mean of per-class F1 over the classes that occur in the truth or the predictions of the rows (scikit-learn's convention).</summary>
    internal static double ComputeMacroF1(IReadOnlyList<int> truth, IReadOnlyList<int> predicted, IReadOnlyList<int> rows, int classes)
    {
        var tp = new int[classes];
        var fp = new int[classes];
        var fn = new int[classes];
        foreach (var i in rows)
        {
            if (truth[i] == predicted[i])
            {
                tp[truth[i]]++;
            }
            else
            {
                fn[truth[i]]++;
                fp[predicted[i]]++;
            }
        }

        double sum = 0;
        var present = 0;
        for (var c = 0; c < classes; c++)
        {
            if (tp[c] + fp[c] + fn[c] == 0)
            {
                continue;
            }

            present++;
            sum += 2.0 * tp[c] / (2.0 * tp[c] + fp[c] + fn[c]);
        }

        return present == 0 ? 0 : sum / present;
    }
}
