namespace SlmPlatform.Specialists.Datasets;

/// <summary>
/// Greedy near-duplicate removal on unit-length embeddings: rows are taken in order and a row is dropped when its
/// cosine similarity to a row already kept reaches the threshold. O(n × kept × d); the dot products run as SIMD.
/// </summary>
public static class NearDuplicates
{
    /// <summary>For each row, the index of the kept row it duplicates, or -1 when it is kept.</summary>
    public static int[] Find(IReadOnlyList<ReadOnlyMemory<float>> vectors, double threshold)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        var duplicateOf = new int[vectors.Count];
        var kept = new List<int>();
        for (var i = 0; i < vectors.Count; i++)
        {
            duplicateOf[i] = -1;
            var row = vectors[i].Span;
            foreach (var k in kept)
            {
                if (TensorPrimitives.Dot(row, vectors[k].Span) >= threshold)
                {
                    duplicateOf[i] = k;
                    break;
                }
            }

            if (duplicateOf[i] < 0)
            {
                kept.Add(i);
            }
        }

        return duplicateOf;
    }
}
