using SlmPlatform.Console.Infrastructure;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.Console.UnitTests;

public sealed class OverviewSeriesTests
{
    private static readonly DateOnly From = new(2026, 12, 1);
    private static readonly DateOnly To = new(2026, 12, 3);

    [Fact]
    public void EveryDayOfThePeriod_HasAPoint_AQuietDayAZero()
    {
        var task = Guid.NewGuid();
        var usage = new UsageReport(From, To, 5, 0.5m, [new UsageDay(To, task, "refunds", 5, 100, 10, 0.5m)]);

        var calls = Assert.Single(OverviewSeries.CallsByTask(usage));

        Assert.Equal("refunds", calls.Title);
        Assert.Equal([("12-01", 0d), ("12-02", 0d), ("12-03", 5d)], calls.Points.Select(p => (p.Day, p.Value)));
        Assert.Equal([0d, 0d, 0.5d], Assert.Single(OverviewSeries.SpendByTask(usage)).Points.Select(p => p.Value));
    }

    [Fact]
    public void TasksBeyondTheBusiestFew_AreSummedIntoOneSeries()
    {
        var days = Enumerable.Range(1, OverviewSeries.TasksShown + 2)
            .Select(i => new UsageDay(From, Guid.NewGuid(), $"task {i}", i * 10, 0, 0, 0m)).ToList();
        var usage = new UsageReport(From, From, days.Sum(d => d.Calls), 0m, days);

        var series = OverviewSeries.CallsByTask(usage);

        Assert.Equal(OverviewSeries.TasksShown + 1, series.Count);
        Assert.Equal("task 7", series[0].Title);
        Assert.Equal(OverviewSeries.OtherTasks, series[^1].Title);
        Assert.Equal(10 + 20, series[^1].Points.Single().Value);
        Assert.Equal(usage.Calls, series.Sum(s => s.Points.Single().Value));
    }

    [Fact]
    public void WhoAnswered_SplitsTheCallsIntoSpecialistsFallbacksAndTheLlm()
    {
        var task = Guid.NewGuid();
        // 30 calls captured on the first day, 4 of them the LLM's answers after a fallback; specialists answered 60 more.
        var usage = new UsageReport(From, To, 30, 0.3m, [new UsageDay(From, task, "refunds", 30, 0, 0, 0.3m)]);
        var savings = new SavingsReport(From, To, 60, 4, 0.6m, 0,
            [new TaskSavings(task, "refunds", 60, 4, 0.06, 0.01m, 0.6m, null, null, null, [new RoutingDayFigures(From, 60, 4, 0.6m)])]);

        var answered = OverviewSeries.WhoAnswered(usage, savings);

        Assert.Equal([("Specialists", 60d), ("LLM after a fallback", 4d), ("LLM", 26d)], answered.Select(s => (s.Title, s.Points[0].Value)));
        Assert.All(answered, s => Assert.Equal(3, s.Points.Count));
        Assert.Equal([0.6, 0, 0], OverviewSeries.Saved(usage, savings).Points.Select(p => p.Value));
        Assert.Equal(60d / 90, OverviewSeries.SpecialistShare(usage, savings));
    }
}
