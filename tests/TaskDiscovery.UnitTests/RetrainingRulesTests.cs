using SlmPlatform.Contracts;
using SlmPlatform.TaskDiscovery.Promotion;

namespace SlmPlatform.TaskDiscovery.UnitTests;

public sealed class RetrainingRulesTests
{
    private static readonly PromotionPolicy Policy = new(RetrainGrowth: 0.5, NewLabelCalls: 5);
    private static readonly LabelCount[] KnownLabels = [new("a", 60), new("b", 40)];

    [Theory]
    [InlineData(149, false)]
    [InlineData(150, true)]
    public void Check_TheTaskGrewByTheConfiguredShare_Retrains(long calls, bool expected)
    {
        var cause = RetrainingRules.Check(Policy, Specialist(OutputCheck.LabelKind, callsAtPromotion: 100), calls, KnownLabels);

        Assert.Equal(expected, cause?.Key == "growth");
    }

    [Fact]
    public void Check_ASpecialistPromotedBeforeCallsWereCounted_NeverRetrainsForGrowth()
    {
        Assert.Null(RetrainingRules.Check(Policy, Specialist(OutputCheck.LabelKind, callsAtPromotion: 0), 10_000, KnownLabels));
    }

    [Theory]
    [InlineData(4, null)]
    [InlineData(5, "labels:c")]
    public void Check_ALabelTheSpecialistCannotGive_RetrainsOnceItIsSeenOften(long callsWithNewLabel, string? expected)
    {
        var cause = RetrainingRules.Check(Policy, Specialist(OutputCheck.LabelKind, callsAtPromotion: 100), 104, [.. KnownLabels, new("c", callsWithNewLabel)]);

        Assert.Equal(expected, cause?.Key);
    }

    [Fact]
    public void Check_FreeTextTask_HasNoLabelsToOutgrow()
    {
        Assert.Null(RetrainingRules.Check(Policy, Specialist(OutputCheck.TextKind, callsAtPromotion: 100), 120, [new("c", 50)]));
    }

    private static TaskSpecialist Specialist(string kind, long callsAtPromotion) =>
        new(Guid.NewGuid(), RouteModes.Full, new OutputCheck(kind, Labels: kind == OutputCheck.LabelKind ? ["a", "b"] : null), DateTimeOffset.UtcNow, null, 0.05)
        {
            CallsAtPromotion = callsAtPromotion,
        };
}
