using SlmPlatform.Contracts;
using SlmPlatform.Routing;
using SlmPlatform.Tasks.Promotion;

namespace SlmPlatform.Tasks.UnitTests;

public sealed class PromotionRulesTests
{
    private static readonly PromotionPolicy Policy = new(MinOnlineSamples: 100);
    private static readonly Guid Candidate = Guid.NewGuid();

    [Fact]
    public void OnEvaluated_AShareAboveTheBarWhoseLowerBoundIsBelowIt_IsRejected()
    {
        var verdict = PromotionRules.OnEvaluated(Policy, Evaluated(agreement: 0.96, lower: 0.91), serving: null, servingAgreement: null);

        Assert.Equal(PromotionActions.Reject, verdict.Action);
        Assert.Contains("0.91", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnEvaluated_LowerBoundAtTheBar_WithNoSpecialistServing_EntersShadow()
    {
        var verdict = PromotionRules.OnEvaluated(Policy, Evaluated(agreement: 0.98, lower: 0.95), serving: null, servingAgreement: null);

        Assert.Equal(PromotionActions.Shadow, verdict.Action);
        Assert.Equal(0.98, verdict.Agreement);
    }

    [Theory]
    [InlineData(0.99, PromotionActions.Keep)]
    [InlineData(0.98, PromotionActions.Keep)]
    [InlineData(0.97, PromotionActions.Shadow)]
    public void OnEvaluated_ASpecialistServing_ReplacedOnlyByOneThatBeatsItOnTheSameTestSet(double incumbent, string expected)
    {
        var verdict = PromotionRules.OnEvaluated(Policy, Evaluated(agreement: 0.98, lower: 0.96), Serving(RouteModes.Full), incumbent);

        Assert.Equal(expected, verdict.Action);
    }

    [Fact]
    public void OnEvaluated_AModelDemotedOnLiveCallsBefore_IsNotPromotedAgainHoweverItScoresOffline()
    {
        var verdict = PromotionRules.OnEvaluated(Policy, Evaluated(agreement: 0.99, lower: 0.97), serving: null, servingAgreement: null, demotedBefore: true);

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
        var problems = new PromotionPolicy("sometimes", 1.5, 0, 0, 0).Problems();

        Assert.Equal(["approval", "bar", "canary_share", "min_online_samples", "sample"], problems.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(new PromotionPolicy().Problems());
    }

    private static ModelEvaluated Evaluated(double agreement, double lower) =>
        new(Guid.NewGuid(), "tenant", Candidate, Guid.NewGuid(), "classifier-head", "ds-1", 300, "json_equivalent", agreement, lower, Math.Min(1, agreement + 0.02), 3.5);

    private static TaskSpecialist Serving(string mode) =>
        new(Guid.NewGuid(), mode, new OutputCheck(OutputCheck.LabelKind, Labels: ["a", "b"]), DateTimeOffset.UtcNow, mode == RouteModes.Canary ? 0.1 : null, 0.05);
}
