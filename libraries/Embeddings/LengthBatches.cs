namespace SlmPlatform.Embeddings;

internal static class LengthBatches
{
    /// <summary>
    /// Cuts the inputs, sorted by token count, into batches of at most <paramref name="batchSize"/> rows whose padded
    /// size (rows × longest row) stays within <paramref name="maxPaddedTokens"/>. Returns input indices per batch.
    /// </summary>
    public static List<int[]> Plan(long[][] tokens, int batchSize, int maxPaddedTokens)
    {
        var order = new int[tokens.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Stable, so equal lengths keep input order and a call's batches do not depend on sort internals.
        var sorted = order.OrderBy(i => tokens[i].Length).ToArray();
        var batches = new List<int[]>();
        var start = 0;
        while (start < sorted.Length)
        {
            var end = start;
            // Rows only grow along the sorted order, so the newest row is the longest.
            while (end < sorted.Length && end - start < batchSize
                && (long)(end - start + 1) * tokens[sorted[end]].Length <= maxPaddedTokens)
            {
                end++;
            }

            end = Math.Max(end, start + 1);
            batches.Add(sorted[start..end]);
            start = end;
        }

        return batches;
    }
}
