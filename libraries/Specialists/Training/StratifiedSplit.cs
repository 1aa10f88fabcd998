namespace SlmPlatform.Specialists.Training;

/// <summary>
/// Splits row indices by class so that each part keeps the class proportions: within each class the rows are
/// shuffled with a fixed seed and cut by the fractions (rounded, but never taking a class's last row away from the
/// first part). The same labels and seed always give the same split.
/// </summary>
public static class StratifiedSplit
{
    public static int[][] Split(IReadOnlyList<int> labels, IReadOnlyList<double> fractions, int seed)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(fractions);
        if (fractions.Count == 0 || fractions.Any(f => f < 0) || Math.Abs(fractions.Sum() - 1) > 1e-9)
        {
            throw new ArgumentException("Fractions must be non-negative and add up to 1.", nameof(fractions));
        }

        var parts = fractions.Select(_ => new List<int>()).ToArray();
        foreach (var group in Enumerable.Range(0, labels.Count).GroupBy(i => labels[i]).OrderBy(g => g.Key))
        {
            var rows = group.ToArray();
            new Random(Seeds.Mix(seed, group.Key)).Shuffle(rows);
            var start = 0;
            double cumulative = 0;
            for (var p = 0; p < fractions.Count; p++)
            {
                cumulative += fractions[p];
                var end = p == fractions.Count - 1 ? rows.Length : (int)Math.Round(cumulative * rows.Length, MidpointRounding.AwayFromZero);
                end = Math.Clamp(end, p == 0 ? Math.Min(1, rows.Length) : start, rows.Length);
                parts[p].AddRange(rows[start..end]);
                start = end;
            }
        }

        return [.. parts.Select(p => p.Order().ToArray())];
    }
}
