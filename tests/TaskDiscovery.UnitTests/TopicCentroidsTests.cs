namespace SlmPlatform.TaskDiscovery.UnitTests;

public sealed class TopicCentroidsTests
{
    private static readonly Guid Parent = Guid.NewGuid();
    private static readonly Guid SplitOff = Guid.NewGuid();

    private readonly TopicCentroids _topics = new(
    [
        new TopicCentroid(Parent, 1, [1, 0, 0], 0.8f),
        new TopicCentroid(SplitOff, 2, [0, 1, 0], 0.5f),
    ]);

    [Fact]
    public void ACloseVector_JoinsTheNearestTopic_EvenOneSplitOff()
    {
        Assert.Equal(1, _topics.Assign([0.9f, 0.1f, 0])?.TopicId);
        var split = _topics.Assign([0.1f, 0.9f, 0.2f]);
        Assert.Equal(2, split?.TopicId);
        Assert.Equal(SplitOff, split?.TaskId);
    }

    [Fact]
    public void AVectorBelowTheNearestTopicsThreshold_GoesToTheOutlierPool()
    {
        // Nearest is topic 1 (cos ≈ 0.71), but topic 1 wants 0.8.
        Assert.Null(_topics.Assign([1, 0, 1]));
        Assert.Null(TopicCentroids.None.Assign([1, 0, 0]));
    }
}
