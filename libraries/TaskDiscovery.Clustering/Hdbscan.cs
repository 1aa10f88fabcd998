namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>How HDBSCAN picks flat clusters out of its tree.</summary>
public enum ClusterSelection
{
    /// <summary>Excess of mass: the most stable clusters (HDBSCAN's default; fewer, larger clusters).</summary>
    ExcessOfMass,

    /// <summary>The leaves of the condensed tree: many small, homogeneous clusters.</summary>
    Leaf,
}

/// <summary>
/// HDBSCAN (Campello, Moulavi and Sander 2013; McInnes and Healy's implementation) on unit vectors with Euclidean
/// distance, which orders pairs as cosine does: core distances from the k nearest neighbours, the minimum spanning
/// tree of the mutual reachability graph (dense Prim, O(n²) time, O(n) memory), the condensed tree and a flat
/// selection. Labels are 0..c-1, -1 for noise.
/// </summary>
internal static class Hdbscan
{
    public static int[] Cluster(VectorSet set, int minClusterSize, int minSamples, ClusterSelection selection, CancellationToken cancellationToken = default)
    {
        var n = set.Count;
        if (n < Math.Max(2, minClusterSize))
        {
            return Enumerable.Repeat(-1, n).ToArray();
        }

        var core = CoreDistances(set, minSamples, cancellationToken);
        var edges = MinimumSpanningTree(set, core, cancellationToken);
        Array.Sort(edges, static (a, b) => a.Distance.CompareTo(b.Distance));
        var tree = SingleLinkage(n, edges);
        var condensed = Condense(tree, n, minClusterSize);
        return Label(condensed, n, selection);
    }

    internal static float Distance(float similarity) => MathF.Sqrt(MathF.Max(0, 2 - (2 * similarity)));

    private static float[] CoreDistances(VectorSet set, int minSamples, CancellationToken cancellationToken)
    {
        // As in the reference implementation, the point itself is its first neighbour.
        if (minSamples <= 1)
        {
            return new float[set.Count];
        }

        var knn = NearestNeighbors.Compute(set, minSamples - 1, cancellationToken);
        var core = new float[set.Count];
        for (var i = 0; i < set.Count; i++)
        {
            core[i] = Distance(knn.SimilaritiesOf(i)[^1]);
        }

        return core;
    }

    private static (int A, int B, float Distance)[] MinimumSpanningTree(VectorSet set, float[] core, CancellationToken cancellationToken)
    {
        var n = set.Count;
        var inTree = new bool[n];
        var best = new float[n];
        var from = new int[n];
        Array.Fill(best, float.PositiveInfinity);
        var edges = new (int, int, float)[n - 1];
        var current = 0;
        var options = new ParallelOptions { CancellationToken = cancellationToken };
        for (var step = 0; step < n - 1; step++)
        {
            inTree[current] = true;
            var source = current;
            // Each step relaxes every vertex outside the tree against the newest one; chunks keep the fan-out cheap.
            Parallel.For(0, Environment.ProcessorCount, options, part =>
            {
                var chunk = (n + Environment.ProcessorCount - 1) / Environment.ProcessorCount;
                var query = set[source];
                for (var j = part * chunk; j < Math.Min(n, (part + 1) * chunk); j++)
                {
                    if (inTree[j])
                    {
                        continue;
                    }

                    var d = MathF.Max(Distance(VectorMath.Dot(query, set[j])), MathF.Max(core[source], core[j]));
                    if (d < best[j])
                    {
                        best[j] = d;
                        from[j] = source;
                    }
                }
            });

            var next = -1;
            var nextDistance = float.PositiveInfinity;
            for (var j = 0; j < n; j++)
            {
                if (!inTree[j] && (next < 0 || best[j] < nextDistance))
                {
                    next = j;
                    nextDistance = best[j];
                }
            }

            edges[step] = (from[next], next, nextDistance);
            current = next;
        }

        return edges;
    }

    /// <summary>Merges in edge order: node n + s is the merge of step s; returns children, distance and size.</summary>
    private static (int Left, int Right, float Distance, int Size)[] SingleLinkage(int n, (int A, int B, float Distance)[] edges)
    {
        var parent = new int[(2 * n) - 1];
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }

        var size = new int[(2 * n) - 1];
        Array.Fill(size, 1, 0, n);
        var merges = new (int, int, float, int)[n - 1];
        for (var s = 0; s < edges.Length; s++)
        {
            var a = Find(parent, edges[s].A);
            var b = Find(parent, edges[s].B);
            var node = n + s;
            parent[a] = parent[b] = node;
            size[node] = size[a] + size[b];
            merges[s] = (a, b, edges[s].Distance, size[node]);
        }

        return merges;
    }

    private static int Find(int[] parent, int x)
    {
        var root = x;
        while (parent[root] != root)
        {
            root = parent[root];
        }

        while (parent[x] != root)
        {
            (parent[x], x) = (root, parent[x]);
        }

        return root;
    }

    /// <summary>Condensed tree rows: parent cluster, child (a point below n, a cluster from n up), λ = 1/distance at
    /// which the child leaves the parent, and the child's size. Cluster n is the root.</summary>
    private static List<(int Parent, int Child, float Lambda, int Size)> Condense(
        (int Left, int Right, float Distance, int Size)[] tree, int n, int minClusterSize)
    {
        var root = (2 * n) - 2;
        var relabel = new int[root + 1];
        relabel[root] = n;
        var nextLabel = n + 1;
        var ignore = new bool[root + 1];
        var result = new List<(int, int, float, int)>();
        var queue = new Queue<int>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node < n || ignore[node])
            {
                continue;
            }

            var (left, right, distance, _) = tree[node - n];
            queue.Enqueue(left);
            queue.Enqueue(right);
            var lambda = distance > 0 ? 1f / distance : float.MaxValue;
            var leftSize = left < n ? 1 : tree[left - n].Size;
            var rightSize = right < n ? 1 : tree[right - n].Size;
            var parent = relabel[node];
            if (leftSize >= minClusterSize && rightSize >= minClusterSize)
            {
                relabel[left] = nextLabel++;
                result.Add((parent, relabel[left], lambda, leftSize));
                relabel[right] = nextLabel++;
                result.Add((parent, relabel[right], lambda, rightSize));
            }
            else
            {
                // A side too small to be a cluster falls out point by point; a big enough side carries the parent on.
                foreach (var (side, sideSize) in new[] { (left, leftSize), (right, rightSize) })
                {
                    if (sideSize >= minClusterSize)
                    {
                        relabel[side] = parent;
                        continue;
                    }

                    FallOut(tree, n, side, parent, lambda, result, ignore);
                }
            }
        }

        return result;
    }

    private static void FallOut((int Left, int Right, float Distance, int Size)[] tree, int n, int side, int parent, float lambda,
        List<(int, int, float, int)> result, bool[] ignore)
    {
        var stack = new Stack<int>();
        stack.Push(side);
        while (stack.Count > 0)
        {
            var sub = stack.Pop();
            ignore[sub] = true;
            if (sub < n)
            {
                result.Add((parent, sub, lambda, 1));
            }
            else
            {
                stack.Push(tree[sub - n].Left);
                stack.Push(tree[sub - n].Right);
            }
        }
    }

    private static int[] Label(List<(int Parent, int Child, float Lambda, int Size)> condensed, int n, ClusterSelection selection)
    {
        var tree = ClusterTree.Of(condensed, n);
        return tree.Assign(condensed, n, tree.Select(selection));
    }
}
