using System.Globalization;

namespace SlmPlatform.TaskDiscovery.Apis;

/// <summary>
/// A report's period from its query (<c>from</c>, <c>to</c>: yyyy-MM-dd, UTC days, both included): by default the 30
/// days up to today, at most <see cref="MaxDays"/> long; each wrong field named.
/// </summary>
public readonly record struct ReportPeriod(DateOnly From, DateOnly To)
{
    public const int MaxDays = 400;

    public static ReportPeriod Parse(string? from, string? to, TimeProvider time, out Dictionary<string, string[]> errors)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        errors = [];
        var end = Day(to, today, "to", errors);
        var start = Day(from, end.AddDays(-29), "from", errors);
        if (errors.Count == 0 && (start > end || end.DayNumber - start.DayNumber >= MaxDays))
        {
            errors["from"] = [$"Must be on or before 'to', at most {MaxDays} days before it."];
        }

        return new ReportPeriod(start, end);
    }

    private static DateOnly Day(string? value, DateOnly fallback, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return fallback;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = ["Must be a date, yyyy-MM-dd."];
        return fallback;
    }
}
