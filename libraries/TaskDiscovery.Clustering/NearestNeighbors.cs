namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>Exact k nearest neighbours of every vector in a set (itself excluded), by cosine similarity.</summary>
internal sealed class NearestNeighbors
{
    private NearestNeighbors(int k, int[] indices, float[] similarities)
    {
        K = k;
        Indices = indices;
        Similarities = similarities;
    }

    public int K { get; }

    /// <summary>Row i holds i's neighbours, most similar first.</summary>
    public int[] Indices { get; }

    public float[] Similarities { get; }

    public ReadOnlySpan<int> Of(int i) => Indices.AsSpan(i * K, K);

    public ReadOnlySpan<float> SimilaritiesOf(int i) => Similarities.AsSpan(i * K, K);

    public static NearestNeighbors Compute(VectorSet set, int k, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        k = Math.Min(k, set.Count - 1);
        var indices = new int[set.Count * k];
        var similarities = new float[set.Count * k];
        Parallel.For(0, set.Count, new ParallelOptions { CancellationToken = cancellationToken }, () => new TopK(k), (i, _, best) =>
        {
            var query = set[i];
            for (var j = 0; j < set.Count; j++)
            {
                if (j != i)
                {
                    best.Add(VectorMath.Dot(query, set[j]), j);
                }
            }

            var sorted = best.ToSortedArray();
            for (var r = 0; r < k; r++)
            {
                indices[(i * k) + r] = sorted[r].Item;
                similarities[(i * k) + r] = sorted[r].Score;
            }

            best.Clear();
            return best;
        }, _ => { });
        return new NearestNeighbors(k, indices, similarities);
    }
}
