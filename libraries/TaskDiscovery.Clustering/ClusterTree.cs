namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>
/// HDBSCAN's condensed tree as clusters (numbered from 0, the root): each one's parent, stability and children, and
/// the flat selection made from it.
/// </summary>
internal sealed record ClusterTree(int[] ParentOf, double[] Stability, List<int>[] Children)
{
    public static ClusterTree Of(List<(int Parent, int Child, float Lambda, int Size)> condensed, int n)
    {
        var maxCluster = n;
        foreach (var row in condensed)
        {
            maxCluster = Math.Max(maxCluster, Math.Max(row.Parent, row.Child));
        }

        var clusters = maxCluster - n + 1;
        var parentOf = new int[clusters];
        var birth = new float[clusters];
        var stability = new double[clusters];
        var children = new List<int>[clusters];
        for (var c = 0; c < clusters; c++)
        {
            children[c] = [];
        }

        parentOf[0] = -1;
        foreach (var (parent, child, lambda, _) in condensed)
        {
            if (child >= n)
            {
                parentOf[child - n] = parent - n;
                birth[child - n] = lambda;
                children[parent - n].Add(child - n);
            }
        }

        foreach (var (parent, _, lambda, size) in condensed)
        {
            stability[parent - n] += (Math.Min(lambda, 1e6f) - birth[parent - n]) * size;
        }

        return new ClusterTree(parentOf, stability, children);
    }

    /// <summary>The clusters to keep: leaves, or (excess of mass) each cluster more stable than its children together.</summary>
    public bool[] Select(ClusterSelection selection)
    {
        var selected = new bool[Children.Length];

        // Children always carry higher labels than their parent, so a descending sweep is bottom-up.
        for (var c = Children.Length - 1; c >= 1; c--)
        {
            if (selection == ClusterSelection.Leaf)
            {
                selected[c] = Children[c].Count == 0;
                continue;
            }

            var childStability = Children[c].Sum(child => Stability[child]);
            if (Children[c].Count > 0 && childStability > Stability[c])
            {
                Stability[c] = childStability;
            }
            else
            {
                selected[c] = true;
                Deselect(Children[c], selected);
            }
        }

        return selected;
    }

    /// <summary>Each point's label: the selected cluster it falls in (numbered from 0), or -1 for noise.</summary>
    public int[] Assign(List<(int Parent, int Child, float Lambda, int Size)> condensed, int n, bool[] selected)
    {
        var flat = new int[selected.Length];
        var next = 0;
        for (var c = 0; c < selected.Length; c++)
        {
            flat[c] = selected[c] ? next++ : -1;
        }

        var labels = new int[n];
        Array.Fill(labels, -1);
        foreach (var (parent, child, _, _) in condensed)
        {
            if (child >= n)
            {
                continue;
            }

            var c = parent - n;
            while (c > 0 && !selected[c])
            {
                c = ParentOf[c];
            }

            labels[child] = c > 0 ? flat[c] : -1;
        }

        return labels;
    }

    private void Deselect(List<int> nodes, bool[] selected)
    {
        foreach (var node in nodes)
        {
            selected[node] = false;
            Deselect(Children[node], selected);
        }
    }
}
