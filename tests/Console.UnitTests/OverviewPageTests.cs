using SlmPlatform.Console.Components.Pages;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.Console.UnitTests;

public sealed class OverviewPageTests : ConsoleTestContext
{
    [Fact]
    public void TheOverview_ShowsCallsSpendAndWhatSpecialistsSaved()
    {
        var busy = StubPlatformApi.Task("card arrival", 3080);
        Api.Answer("/api/tasks", new List<TaskSummary> { busy, StubPlatformApi.Task("refund questions", 20) });
        var saved = new TaskSavings(busy.Id, busy.Name, 2614, 0, 0, 0.00118m, 3.03m, 500, 20, 480, [], Coverage: 0.73);
        Api.Answer("/api/savings", new SavingsReport(new DateOnly(2026, 11, 7), new DateOnly(2026, 12, 6), 2614, 0, 3.03m, 1200, [saved]));

        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.Contains("3,100", page.Markup, StringComparison.Ordinal));
        Assert.Contains("2,614", page.Markup, StringComparison.Ordinal);
        Assert.Contains("3.03", page.Markup, StringComparison.Ordinal);
        Assert.Contains("card arrival", page.Find("table").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSpecialistYet_SaysHowToGetOne()
    {
        Api.Answer("/api/tasks", new List<TaskSummary> { StubPlatformApi.Task("card arrival", 40) });
        Api.Answer("/api/savings", new SavingsReport(new DateOnly(2026, 11, 7), new DateOnly(2026, 12, 6), 0, 0, 0, 0, []));

        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.Contains("No specialist serves a task yet", page.Markup, StringComparison.Ordinal));
        Assert.Contains("/api/finetune-jobs", page.Markup, StringComparison.Ordinal);
    }
}
