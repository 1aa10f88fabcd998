using SlmPlatform.Contracts;
using SlmPlatform.Evaluation;
using SlmPlatform.TaskDiscovery.Promotion;

namespace SlmPlatform.TaskDiscovery.UnitTests;

public sealed class PromotionRulesTests
{
    private static readonly PromotionPolicy Policy = new(MinOnlineSamples: 100);
    private static readonly Guid Candidate = Guid.NewGuid();

    [Fact]
    public void OnEvaluated_AShareAboveTheBarWhoseLowerBoundIsBelowIt_IsRejected()
    {
        var verdict = PromotionRules.OnEvaluated(Policy, Evaluated(agreement: 0.96, lower: 0.91), serving: null, incumbent: null);

        Assert.Equal(PromotionActions.Reject, verdict.Action);
        Assert.Contains("0.91", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnEvaluated_LowerBoundAtTheBar_WithNoSpecialistServing_EntersShadow()
    {
        var verdict = PromotionRules.OnEvaluated(Policy, Evaluated(agreement: 0.98, lower: 0.95), serving: null, incumbent: null);

        Assert.Equal(PromotionActions.Shadow, verdict.Action);
        Assert.Equal(0.98, verdict.Agreement);
    }

    [Theory]
    [InlineData(0.99, PromotionActions.Keep)]
    [InlineData(0.98, PromotionActions.Keep)]
    [InlineData(0.97, PromotionActions.Shadow)]
    public void OnEvaluated_ASpecialistServing_ReplacedOnlyByOneThatBeatsItOnTheSameTestSet(double incumbent, string expected)
    {
        var verdict = PromotionRules.OnEvaluated(Policy, Evaluated(agreement: 0.98, lower: 0.96), Serving(RouteModes.Full), new IncumbentScore(incumbent, incumbent - 0.02, null));

        Assert.Equal(expected, verdict.Action);
    }

    [Fact]
    public void OnEvaluated_AModelDemotedOnLiveCallsBefore_IsNotPromotedAgainHoweverItScoresOffline()
    {
        var verdict = PromotionRules.OnEvaluated(Policy, Evaluated(agreement: 0.99, lower: 0.97), serving: null, incumbent: null, demotedBefore: true);

        Assert.Equal(PromotionActions.Reject, verdict.Action);
        Assert.Contains("demoted", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnEvaluated_TheServingModelReevaluated_IsKept()
    {
        var verdict = PromotionRules.OnEvaluated(Policy, Evaluated(agreement: 0.99, lower: 0.97), Serving(RouteModes.Full) with { ModelId = Candidate }, null);

        Assert.Equal(PromotionActions.Keep, verdict.Action);
    }

    [Theory]
    [InlineData(RouteModes.Shadow, 99, 99, null)]
    [InlineData(RouteModes.Shadow, 100, 100, PromotionActions.Canary)]
    [InlineData(RouteModes.Canary, 400, 398, PromotionActions.Full)]
    [InlineData(RouteModes.Full, 400, 400, null)]
    [InlineData(RouteModes.Shadow, 100, 96, null)]
    [InlineData(RouteModes.Full, 200, 170, PromotionActions.Demote)]
    [InlineData(RouteModes.Canary, 200, 170, PromotionActions.Demote)]
    public void OnOnline_MovesOnWhenTheLowerBoundReachesTheBar_DemotesWhenTheUpperBoundFallsBelowIt(string mode, long compared, long agreed, string? expected)
    {
        var verdict = PromotionRules.OnOnline(Policy, Serving(mode), compared, agreed);

        Assert.Equal(expected, verdict?.Action);
    }

    [Fact]
    public void Policy_Problems_NameEachBadField()
    {
        var problems = new PromotionPolicy("sometimes", 1.5, 0, 0, 0, MinCoverage: 0).Problems();

        Assert.Equal(["approval", "bar", "canary_share", "min_coverage", "min_online_samples", "sample"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(new PromotionPolicy().Problems());
    }

    [Fact]
    public void OnEvaluated_ASelectiveSpecialistCoveringEnoughAtTheBar_EntersShadowWithItsThreshold()
    {
        var verdict = PromotionRules.OnEvaluated(Policy, Selective(sure: 240, unsure: 60), serving: null, incumbent: null);

        Assert.Equal(PromotionActions.Shadow, verdict.Action);
        Assert.Equal(0.9, verdict.Threshold);
        Assert.Equal(0.8, verdict.Coverage);
        Assert.Equal(1.0, verdict.Agreement);
        Assert.Contains("0.800 of the held-out calls", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnEvaluated_ASelectiveSpecialistCoveringTooLittleAtTheBar_IsRejected_WhateverItsAgreementOnThoseCalls()
    {
        var verdict = PromotionRules.OnEvaluated(Policy with { MinCoverage = 0.9 }, Selective(sure: 240, unsure: 60), serving: null, incumbent: null);

        Assert.Equal(PromotionActions.Reject, verdict.Action);
        Assert.Contains("minimum coverage 0.90", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.85, PromotionActions.Keep)]
    [InlineData(0.80, PromotionActions.Keep)]
    [InlineData(0.70, PromotionActions.Shadow)]
    public void OnEvaluated_ASelectiveNewcomer_ReplacesTheServingModelOnlyByCoveringMoreAtTheSameBar(double incumbentCoverage, string expected)
    {
        var sure = (int)(incumbentCoverage * 300);
        var incumbent = new IncumbentScore(0.9, 0.85, Selective(sure, 300 - sure).RiskCoverage);

        var verdict = PromotionRules.OnEvaluated(Policy, Selective(sure: 240, unsure: 60), Serving(RouteModes.Full), incumbent);

        Assert.Equal(expected, verdict.Action);
    }

    [Fact]
    public void OnEvaluated_AWholeModelIncumbentAtTheBar_CountsAsCoveringEverything()
    {
        var verdict = PromotionRules.OnEvaluated(Policy, Selective(sure: 240, unsure: 60), Serving(RouteModes.Full), new IncumbentScore(0.97, 0.955, null));

        Assert.Equal(PromotionActions.Keep, verdict.Action);
    }

    [Fact]
    public void OnOnline_KeepsTheSpecialistsThreshold()
    {
        var verdict = PromotionRules.OnOnline(Policy, Serving(RouteModes.Shadow) with { Threshold = 0.8 }, 100, 100);

        Assert.Equal(0.8, verdict!.Threshold);
    }

    // Sure answers (confidence 0.9) all agree with the teacher; unsure ones (0.3) never do.
    private static ModelEvaluated Selective(int sure, int unsure)
    {
        var curve = RiskCoverage.Curve("p", [.. Enumerable.Repeat(((double?)0.9, true), sure), .. Enumerable.Repeat(((double?)0.3, false), unsure)]);
        var all = new Proportion(sure, sure + unsure);
        return Evaluated(all.Value, all.Low) with { Examples = sure + unsure, RiskCoverage = curve };
    }

    private static ModelEvaluated Evaluated(double agreement, double lower) =>
        new(Guid.NewGuid(), "tenant", Candidate, Guid.NewGuid(), "classifier-head", "ds-1", 300, "json_equivalent", agreement, lower, Math.Min(1, agreement + 0.02), 3.5);

    private static TaskSpecialist Serving(string mode) =>
        new(Guid.NewGuid(), mode, new OutputCheck(OutputCheck.LabelKind, Labels: ["a", "b"]), DateTimeOffset.UtcNow, mode == RouteModes.Canary ? 0.1 : null, 0.05);
}
