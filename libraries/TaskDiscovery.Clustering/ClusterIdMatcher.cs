namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>
/// Keeps cluster ids stable across re-clustering: each new cluster takes the id of the old cluster it shares the
/// most members with, when that overlap is a majority of either side; pairs are taken greedily by overlap, each old
/// id at most once (on a split the larger part keeps the id, on a merge the larger old cluster's id survives).
/// Unmatched clusters get fresh ids.
/// </summary>
public static class ClusterIdMatcher
{
    /// <param name="items">The ids of the clustered items, in the order of <paramref name="labels"/>.</param>
    /// <param name="labels">The new clustering (-1 for outliers, which take no id).</param>
    /// <param name="previous">Each item's stable cluster id from the last run; items absent or new are fine.</param>
    /// <param name="nextId">The first unused stable id; fresh ids count up from here.</param>
    /// <returns>The stable id for each new label, and the next unused id.</returns>
    public static (IReadOnlyDictionary<int, long> StableIds, long NextId) Match(
        IReadOnlyList<string> items, IReadOnlyList<int> labels, IReadOnlyDictionary<string, long> previous, long nextId)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(previous);
        if (items.Count != labels.Count)
        {
            throw new ArgumentException("One label per item.", nameof(labels));
        }

        var overlap = new Dictionary<(int New, long Old), int>();
        var newSizes = new Dictionary<int, int>();
        var oldSizes = new Dictionary<long, int>();
        for (var i = 0; i < items.Count; i++)
        {
            var hasOld = previous.TryGetValue(items[i], out var old);
            if (hasOld)
            {
                oldSizes[old] = oldSizes.GetValueOrDefault(old) + 1;
            }

            if (labels[i] < 0)
            {
                continue;
            }

            newSizes[labels[i]] = newSizes.GetValueOrDefault(labels[i]) + 1;
            if (hasOld)
            {
                overlap[(labels[i], old)] = overlap.GetValueOrDefault((labels[i], old)) + 1;
            }
        }

        var stable = new Dictionary<int, long>();
        var usedOld = new HashSet<long>();
        foreach (var ((label, old), shared) in overlap.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Old).ThenBy(p => p.Key.New))
        {
            if (stable.ContainsKey(label) || usedOld.Contains(old))
            {
                continue;
            }

            if (2 * shared > newSizes[label] || 2 * shared > oldSizes[old])
            {
                stable[label] = old;
                usedOld.Add(old);
            }
        }

        foreach (var label in newSizes.Keys.Order())
        {
            if (!stable.ContainsKey(label))
            {
                stable[label] = nextId++;
            }
        }

        return (stable, nextId);
    }
}
