namespace SlmPlatform.Evaluation.UnitTests;

public sealed class ProportionTests
{
    [Theory]
    // Reference values from the Wilson score formula (e.g. statsmodels' proportion_confint(method="wilson")).
    [InlineData(38, 40, 0.8350, 0.9862)]
    [InlineData(0, 10, 0.0, 0.2775)]
    [InlineData(10, 10, 0.7225, 1.0)]
    [InlineData(2900, 3080, 0.9329, 0.9494)]
    public void WilsonInterval_MatchesTheReference(int successes, int count, double low, double high)
    {
        var share = new Proportion(successes, count);

        Assert.Equal(low, share.Low, 3);
        Assert.Equal(high, share.High, 3);
        Assert.InRange(share.Value, share.Low, share.High);
    }

    [Fact]
    public void NoExamples_GiveNoFigure()
    {
        var share = Proportion.Of([]);

        Assert.True(double.IsNaN(share.Value));
        Assert.True(double.IsNaN(share.Low));
    }
}
