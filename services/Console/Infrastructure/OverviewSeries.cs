using System.Globalization;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>One point of an overview chart: a day (MM-dd) and a value.</summary>
public sealed record DayPoint(string Day, double Value);

/// <summary>A named series of an overview chart, a point for every day of the period.</summary>
public sealed record DaySeries(string Title, IReadOnlyList<DayPoint> Points);

/// <summary>
/// The overview's charts from the usage and savings reports of one period: every day of it has a point, so that a
/// quiet day shows as zero rather than as a gap the chart draws across. Tasks beyond the busiest few are summed into
/// one series, so that a tenant with hundreds of tasks still gets a chart one can read.
/// </summary>
public static class OverviewSeries
{
    public const int TasksShown = 5;
    public const string OtherTasks = "other tasks";

    /// <summary>Calls captured per day, a series per busy task.</summary>
    public static IReadOnlyList<DaySeries> CallsByTask(UsageReport usage) => ByTask(usage, d => d.Calls);

    /// <summary>LLM spend (USD) per day, a series per busy task.</summary>
    public static IReadOnlyList<DaySeries> SpendByTask(UsageReport usage) => ByTask(usage, d => (double)d.Cost);

    /// <summary>
    /// Who answered the calls each day: specialists, the LLM after a specialist fell back, and the LLM alone (a call a
    /// specialist answered is not captured; a fallback's LLM answer is).
    /// </summary>
    public static IReadOnlyList<DaySeries> WhoAnswered(UsageReport usage, SavingsReport savings)
    {
        var captured = usage.Days.GroupBy(d => d.Day).ToDictionary(g => g.Key, g => (double)g.Sum(d => d.Calls));
        var routed = savings.Tasks.SelectMany(t => t.Days).GroupBy(d => d.Day)
            .ToDictionary(g => g.Key, g => (Answered: (double)g.Sum(d => d.SpecialistCalls), FellBack: (double)g.Sum(d => d.Fallbacks)));
        return
        [
            Series("Specialists", usage, day => routed.GetValueOrDefault(day).Answered),
            Series("LLM after a fallback", usage, day => routed.GetValueOrDefault(day).FellBack),
            Series("LLM", usage, day => Math.Max(0, captured.GetValueOrDefault(day) - routed.GetValueOrDefault(day).FellBack)),
        ];
    }

    /// <summary>The teacher's cost avoided (USD) per day.</summary>
    public static DaySeries Saved(UsageReport usage, SavingsReport savings)
    {
        var saved = savings.Tasks.SelectMany(t => t.Days).GroupBy(d => d.Day).ToDictionary(g => g.Key, g => (double)g.Sum(d => d.CostAvoided));
        return Series("Saved (USD)", usage, day => saved.GetValueOrDefault(day));
    }

    /// <summary>
    /// Each task's online agreement with the LLM per day (answers compared in shadow or sampled), on the days it was
    /// compared: a day without comparisons has no figure, not a zero.
    /// </summary>
    public static IReadOnlyList<DaySeries> OnlineAgreement(SavingsReport savings) =>
        [.. savings.Tasks.Where(t => t.Days.Any(d => d.ShadowCompared > 0)).Select(t => new DaySeries(t.Name,
            [.. t.Days.Where(d => d.ShadowCompared > 0).OrderBy(d => d.Day)
                .Select(d => new DayPoint(d.Day.ToString("MM-dd", CultureInfo.InvariantCulture), (double)d.ShadowAgreed / d.ShadowCompared))]))];

    /// <summary>The share of the period's calls that specialists answered, or null before any call.</summary>
    public static double? SpecialistShare(UsageReport usage, SavingsReport savings)
    {
        var answered = savings.SpecialistCalls;
        var all = answered + usage.Calls;
        return all == 0 ? null : (double)answered / all;
    }

    private static List<DaySeries> ByTask(UsageReport usage, Func<UsageDay, double> value)
    {
        var busiest = usage.Days.GroupBy(d => d.TaskId).OrderByDescending(g => g.Sum(value)).ThenBy(g => g.First().Name, StringComparer.Ordinal)
            .Take(TasksShown).Select(g => (g.Key, g.First().Name)).ToList();
        var shown = busiest.Select(b => b.Key).ToHashSet();
        var series = busiest.Select(task => Series(task.Name, usage, day => usage.Days.Where(d => d.Day == day && d.TaskId == task.Key).Sum(value))).ToList();
        if (usage.Days.Any(d => !shown.Contains(d.TaskId)))
        {
            series.Add(Series(OtherTasks, usage, day => usage.Days.Where(d => d.Day == day && !shown.Contains(d.TaskId)).Sum(value)));
        }

        return series;
    }

    private static DaySeries Series(string title, UsageReport usage, Func<DateOnly, double> value) =>
        new(title, [.. DaysOf(usage).Select(day => new DayPoint(day.ToString("MM-dd", CultureInfo.InvariantCulture), value(day)))]);

    private static IEnumerable<DateOnly> DaysOf(UsageReport usage)
    {
        for (var day = usage.From; day <= usage.To; day = day.AddDays(1))
        {
            yield return day;
        }
    }
}
