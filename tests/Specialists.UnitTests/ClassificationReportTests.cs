using SlmPlatform.Specialists.Evaluation;

namespace SlmPlatform.Specialists.UnitTests;

public sealed class ClassificationReportTests
{
    [Fact]
    public void Compute_KnownConfusion_GivesAccuracyAndMacroF1()
    {
        int[] truth = [0, 0, 0, 0, 1, 1, 2, 2];
        int[] predicted = [0, 0, 0, 1, 1, 1, 2, 0];

        var report = ClassificationReport.Compute(truth, predicted, classes: 3);

        // F1: class 0 = 2·3/(6+1+1) = 0.75, class 1 = 2·2/(4+1) = 0.8, class 2 = 2·1/(2+1) = 0.6667.
        Assert.Equal(8, report.N);
        Assert.Equal(0.75, report.Accuracy, 10);
        Assert.Equal((0.75 + 0.8 + 2.0 / 3) / 3, report.MacroF1, 10);
        Assert.True(report.AccuracyLow < 0.75 && report.AccuracyHigh > 0.75);
        Assert.True(report.MacroF1Low <= report.MacroF1 && report.MacroF1High >= report.MacroF1);
    }

    [Fact]
    public void Wilson_MatchesTheTextbookInterval()
    {
        // 93 of 100: Wilson 95 % interval 0.8626–0.9657.
        var (low, high) = ClassificationReport.Wilson(93, 100);

        Assert.Equal(0.8626, low, 3);
        Assert.Equal(0.9657, high, 3);
    }
}
