using System.Globalization;

namespace SlmPlatform.ServiceDefaults;

/// <summary>
/// A list's filter on when calls started: <c>from</c> (included) and <c>to</c> (excluded), each an ISO 8601 date-time
/// with its offset, or a date (yyyy-MM-dd, a UTC day: <c>from</c> its start, <c>to</c> its end, so that
/// <c>from=2026-12-01&amp;to=2026-12-01</c> is that whole day). What is wrong goes into the caller's validation errors
/// under the parameter's name.
/// </summary>
public readonly record struct StartedWindow(DateTimeOffset? From, DateTimeOffset? To)
{
    public static StartedWindow Parse(string? from, string? to, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var start = Moment(from, "from", endOfDay: false, errors);
        var end = Moment(to, "to", endOfDay: true, errors);
        if (start is { } s && end is { } e && s >= e)
        {
            errors["from"] = ["Must be before 'to'."];
        }

        return new StartedWindow(start, end);
    }

    private static DateTimeOffset? Moment(string? value, string field, bool endOfDay, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new DateTimeOffset((endOfDay ? day.AddDays(1) : day).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        // An offset is required: a time without one would be read in the server's zone, which the caller cannot know.
        if (value.Length > 10 && (value.EndsWith('Z') || value[^6] is '+' or '-')
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            return moment;
        }

        errors[field] = ["Must be a date (yyyy-MM-dd, a UTC day) or an ISO 8601 date-time with its offset (2026-12-01T09:30:00Z)."];
        return null;
    }
}
