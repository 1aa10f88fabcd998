namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>
/// External measures of a clustering against reference labels. Every item counts: a predicted label below zero (an
/// outlier) is its own singleton cluster, so leaving items out is never free.
/// </summary>
public static class ClusteringMetrics
{
    /// <summary>Normalised mutual information, arithmetic-mean normalisation (scikit-learn's default).</summary>
    public static double Nmi(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        var (table, rows, columns, n) = Contingency(truth, predicted);
        double mutual = 0;
        foreach (var ((r, c), count) in table)
        {
            mutual += count / n * Math.Log(count * n / ((double)rows[r] * columns[c]));
        }

        var entropy = Entropy(rows.Values, n) + Entropy(columns.Values, n);
        return entropy <= 0 ? 1.0 : Math.Max(0, 2 * mutual / entropy);
    }

    /// <summary>Adjusted Rand index (Hubert and Arabie).</summary>
    public static double Ari(IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        var (table, rows, columns, n) = Contingency(truth, predicted);
        var index = table.Values.Sum(c => Pairs(c));
        var rowPairs = rows.Values.Sum(c => Pairs(c));
        var columnPairs = columns.Values.Sum(c => Pairs(c));
        var expected = rowPairs * columnPairs / Pairs(n);
        var max = (rowPairs + columnPairs) / 2;
        return max - expected == 0 ? 1.0 : (index - expected) / (max - expected);
    }

    /// <summary>Replaces every negative label with a label of its own, above all others.</summary>
    public static int[] OutliersAsSingletons(IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var next = labels.Count == 0 ? 0 : Math.Max(0, labels.Max() + 1);
        return [.. labels.Select(l => l >= 0 ? l : next++)];
    }

    private static double Pairs(double count) => count * (count - 1) / 2;

    private static double Entropy(IEnumerable<int> counts, double n) => -counts.Sum(c => c / n * Math.Log(c / n));

    private static (Dictionary<(int, int), int> Table, Dictionary<int, int> Rows, Dictionary<int, int> Columns, double N) Contingency(
        IReadOnlyList<int> truth, IReadOnlyList<int> predicted)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predicted);
        if (truth.Count != predicted.Count || truth.Count == 0)
        {
            throw new ArgumentException("Both labelings must be non-empty and of equal length.", nameof(predicted));
        }

        var singletons = OutliersAsSingletons(predicted);
        var table = new Dictionary<(int, int), int>();
        var rows = new Dictionary<int, int>();
        var columns = new Dictionary<int, int>();
        for (var i = 0; i < truth.Count; i++)
        {
            var key = (truth[i], singletons[i]);
            table[key] = table.GetValueOrDefault(key) + 1;
            rows[truth[i]] = rows.GetValueOrDefault(truth[i]) + 1;
            columns[singletons[i]] = columns.GetValueOrDefault(singletons[i]) + 1;
        }

        return (table, rows, columns, truth.Count);
    }
}
