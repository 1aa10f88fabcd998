using SlmPlatform.Contracts;

namespace SlmPlatform.Evaluation.UnitTests;

public sealed class RiskCoverageTests
{
    [Fact]
    public void Curve_OnePointPerDistinctConfidence_FromTheMostConfidentDown_FailedAnswersNeverAnswered()
    {
        (double?, bool)[] answers = [(0.9, true), (0.5, false), (0.9, false), (null, false), (0.7, true)];

        var curve = RiskCoverage.Curve("p", answers);

        Assert.Equal(5, curve.Examples);
        Assert.Equal([new CoveragePoint(0.9, 2, 1), new CoveragePoint(0.7, 3, 2), new CoveragePoint(0.5, 4, 2)], curve.Points);
    }

    [Fact]
    public void Curve_ThinnedToTheLimit_KeepsTheLastPointAndItsCounts()
    {
        var answers = Enumerable.Range(0, 1_000).Select(i => ((double?)(1 - i / 1000.0), i % 10 != 0)).ToList();

        var curve = RiskCoverage.Curve("p", answers, maxPoints: 100);

        Assert.Equal(100, curve.Points.Count);
        Assert.Equal(new CoveragePoint(1 - 999 / 1000.0, 1_000, 900), curve.Points[^1]);
        Assert.True(curve.Points.Zip(curve.Points.Skip(1)).All(p => p.First.Answered < p.Second.Answered));
    }

    [Fact]
    public void AtBar_TakesTheMostCoverageWhoseLowerBoundReachesTheBar()
    {
        // 300 sure answers, all right; then 100 less sure ones, half right; then 100 unsure ones, all wrong.
        var answers = Enumerable.Range(0, 300).Select(i => ((double?)0.99 - i * 1e-4, true))
            .Concat(Enumerable.Range(0, 100).Select(i => ((double?)0.6 - i * 1e-4, i % 2 == 0)))
            .Concat(Enumerable.Range(0, 100).Select(i => ((double?)0.2 - i * 1e-4, false)))
            .ToList();
        var curve = RiskCoverage.Curve("p", answers);

        var point = RiskCoverage.AtBar(curve, 0.95)!;

        Assert.InRange(point.Agreement.Low, 0.95, 1);
        Assert.InRange(point.Answered, 300, 330);
        Assert.Equal(point.Answered / 500.0, point.Coverage);
        var next = curve.Points.First(p => p.Answered > point.Answered);
        Assert.True(RiskCoverage.AgreementOf(next).Low < 0.95);
        Assert.Null(RiskCoverage.AtBar(RiskCoverage.Curve("p", [(0.9, false), (0.8, true)]), 0.95));
    }
}
