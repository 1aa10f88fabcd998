namespace SlmPlatform.Specialists.UnitTests;

public sealed class StratifiedSplitTests
{
    [Fact]
    public void Split_KeepsClassProportionsAndCoversEveryRowOnce()
    {
        var labels = Enumerable.Range(0, 1000).Select(i => i % 10 < 7 ? 0 : i % 10 < 9 ? 1 : 2).ToArray();

        var parts = StratifiedSplit.Split(labels, [0.8, 0.1, 0.1], seed: 3);

        Assert.Equal(Enumerable.Range(0, 1000), parts.SelectMany(p => p).Order());
        Assert.Equal(800, parts[0].Length);
        Assert.Equal(70, parts[1].Count(i => labels[i] == 0));
        Assert.Equal(10, parts[2].Count(i => labels[i] == 2));
    }

    [Fact]
    public void Split_SameSeed_SameSplit_OtherSeed_OtherSplit()
    {
        var labels = Enumerable.Range(0, 200).Select(i => i % 4).ToArray();

        var first = StratifiedSplit.Split(labels, [0.5, 0.5], seed: 1);
        var again = StratifiedSplit.Split(labels, [0.5, 0.5], seed: 1);
        var other = StratifiedSplit.Split(labels, [0.5, 0.5], seed: 2);

        Assert.Equal(first[1], again[1]);
        Assert.NotEqual(first[1], other[1]);
    }

    [Fact]
    public void Split_RareClass_KeepsItsOnlyRowInTheFirstPart()
    {
        int[] labels = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];

        var parts = StratifiedSplit.Split(labels, [0.8, 0.2], seed: 1);

        Assert.Contains(10, parts[0]);
    }
}
