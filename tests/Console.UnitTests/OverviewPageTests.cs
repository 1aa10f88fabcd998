using SlmPlatform.Console.Components.Pages;
using Microsoft.FluentUI.AspNetCore.Components;
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
        Api.Answer("/api/usage", new UsageReport(new DateOnly(2026, 11, 7), new DateOnly(2026, 12, 6), 486, 0.57m,
            [new UsageDay(new DateOnly(2026, 12, 5), busy.Id, busy.Name, 466, 18_640, 1_398, 0.55m), new UsageDay(new DateOnly(2026, 12, 6), busy.Id, busy.Name, 20, 800, 60, 0.02m)]));

        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.Contains("Calls captured per day", page.Markup, StringComparison.Ordinal));
        Assert.Contains("486", page.Markup, StringComparison.Ordinal);
        Assert.Contains("0.57", page.Markup, StringComparison.Ordinal);
        Assert.Contains("2,614", page.Markup, StringComparison.Ordinal);
        Assert.Contains("84", page.Markup, StringComparison.Ordinal);
        Assert.Contains("3.03", page.Markup, StringComparison.Ordinal);
        Assert.Equal(4, page.FindAll(".day-chart").Count);
        Assert.Contains("card arrival", page.Find("table").TextContent, StringComparison.Ordinal);
        var period = Assert.Single(Api.Requests, r => r.PathAndQuery.StartsWith("/api/usage", StringComparison.Ordinal)).PathAndQuery;
        Assert.Contains(Assert.Single(Api.Requests, r => r.PathAndQuery.StartsWith("/api/savings", StringComparison.Ordinal)).PathAndQuery[12..], period, StringComparison.Ordinal);
    }

    [Fact]
    public void ChoosingAnotherPeriod_AsksForThatPeriod()
    {
        Api.Answer("/api/tasks", new List<TaskSummary> { StubPlatformApi.Task("card arrival", 40) });
        Api.Answer("/api/savings", new SavingsReport(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6), 0, 0, 0, 0, []));
        Api.Answer("/api/usage", new UsageReport(new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 6), 0, 0, []));
        var page = Render<Overview>();
        page.WaitForAssertion(() => Assert.Contains("Calls captured per day", page.Markup, StringComparison.Ordinal));

        page.FindComponent<FluentSelect<int>>().InvokeAsync(() => page.FindComponent<FluentSelect<int>>().Instance.SelectedOptionChanged.InvokeAsync(7));

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        page.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.PathAndQuery == $"/api/usage?from={today.AddDays(-6):yyyy-MM-dd}&to={today:yyyy-MM-dd}"));
        Assert.Contains(Api.Requests, r => r.PathAndQuery == $"/api/savings?from={today.AddDays(-6):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
    }

    [Fact]
    public void CallsThatStartedBeforeThePeriod_AreNotCountedInIt_AndThePageSaysSo()
    {
        Api.Answer("/api/tasks", new List<TaskSummary> { StubPlatformApi.Task("card arrival", 4338) });
        Api.Answer("/api/savings", new SavingsReport(new DateOnly(2026, 11, 8), new DateOnly(2026, 12, 7), 0, 0, 0, 0, []));
        Api.Answer("/api/usage", new UsageReport(new DateOnly(2026, 11, 8), new DateOnly(2026, 12, 7), 0, 0, []));

        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.Contains("None of the 4,338 captured calls started in this period", page.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void NoSpecialistYet_SaysHowToGetOne()
    {
        Api.Answer("/api/tasks", new List<TaskSummary> { StubPlatformApi.Task("card arrival", 40) });
        Api.Answer("/api/savings", new SavingsReport(new DateOnly(2026, 11, 7), new DateOnly(2026, 12, 6), 0, 0, 0, 0, []));
        Api.Answer("/api/usage", new UsageReport(new DateOnly(2026, 11, 7), new DateOnly(2026, 12, 6), 0, 0, []));

        var page = Render<Overview>();

        page.WaitForAssertion(() => Assert.Contains("No specialist serves a task yet", page.Markup, StringComparison.Ordinal));
        Assert.Contains("/api/finetune-jobs", page.Markup, StringComparison.Ordinal);
    }
}
