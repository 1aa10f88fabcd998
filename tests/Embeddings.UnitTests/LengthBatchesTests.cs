namespace SlmPlatform.Embeddings.UnitTests;

public sealed class LengthBatchesTests
{
    [Fact]
    public void Plan_MixedLengths_SortsByLengthAndRespectsBothLimits()
    {
        long[][] tokens = [new long[10], new long[3], new long[50], new long[4], new long[3], new long[9]];

        var batches = LengthBatches.Plan(tokens, batchSize: 2, maxPaddedTokens: 60);

        Assert.Equal([[1, 4], [3, 5], [0], [2]], batches);
    }

    [Fact]
    public void Plan_RowLongerThanBudget_StillGetsABatch()
    {
        var batches = LengthBatches.Plan([new long[100]], batchSize: 4, maxPaddedTokens: 10);

        Assert.Equal([[0]], batches);
    }
}
