using SlmPlatform.Console.Components.Pages;
using SlmPlatform.Contracts;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.Console.UnitTests;

public sealed class TaskPageTests : ConsoleTestContext
{
    [Fact]
    public void ATaskPage_ShowsItsSpecialist_WhereItsPromotionStands_AndWhy()
    {
        var summary = StubPlatformApi.Task("card arrival", 3080);
        var model = Guid.NewGuid();
        var specialist = new TaskSpecialist(model, RouteModes.Canary, new OutputCheck(OutputCheck.LabelKind, ["card_arrival"]), DateTimeOffset.UnixEpoch, 0.5, 1.0, 0.833);
        Api.Answer($"/api/tasks/{summary.Id}", new TaskDetail(summary, [new LabelCount("card_arrival", 40), new LabelCount("exchange_rate", 7)], ["key"], specialist));
        Api.Answer($"/api/tasks/{summary.Id}/promotion", new PromotionStatus("canary", [], 17, DateTimeOffset.UnixEpoch));
        Api.Answer($"/api/tasks/{summary.Id}/promotions", new List<PromotionDecision>
        {
            new(summary.Id, model, PromotionActions.Canary, true, "online agreement 0.983 reaches the bar", 0.983, 0.963, 352, DateTimeOffset.UnixEpoch.AddMinutes(1)),
            new(summary.Id, model, PromotionActions.Shadow, true, "answers 0.722 of the held-out calls at the bar", 0.970, 0.950, 609, DateTimeOffset.UnixEpoch),
        });

        var page = Render<TaskPage>(parameters => parameters.Add(p => p.Id, summary.Id));

        page.WaitForAssertion(() => Assert.Contains("online agreement 0.983", page.Markup, StringComparison.Ordinal));
        Assert.Contains("<strong>canary</strong> mode", page.Markup, StringComparison.Ordinal);
        Assert.Contains("on 50% of the calls", page.Markup.Replace(" %", "%", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Promotion: <strong>canary</strong>, 17 checks", page.Markup, StringComparison.Ordinal);
        Assert.Contains("exchange_rate", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownTask_SaysSo()
    {
        var page = Render<TaskPage>(parameters => parameters.Add(p => p.Id, Guid.NewGuid()));

        page.WaitForAssertion(() => Assert.Contains("No such task", page.Markup, StringComparison.Ordinal));
    }
}
