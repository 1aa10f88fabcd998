using System.Globalization;

namespace SlmPlatform.Training.Model;

/// <summary>The keyset cursor of <see cref="FineTuneJobPage"/>: a job's creation time (UTC ticks) and id.</summary>
public static class FineTuneJobCursor
{
    public static string Of(FineTuneJob job) => string.Create(CultureInfo.InvariantCulture, $"{job.CreatedAt.UtcTicks}.{job.Id:N}");

    public static (DateTimeOffset CreatedAt, Guid JobId)? Parse(string cursor)
    {
        var parts = cursor.Split('.');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(parts[1], "N", out var id)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
    }
}
