using System.Globalization;

namespace SlmPlatform.Training.Model;

/// <summary>A page of jobs, and <see cref="Next"/>: what to pass as <c>after</c> for the page after it (null on the last).</summary>
public sealed record FineTuneJobPage(IReadOnlyList<FineTuneJob> Items, string? Next)
{
    /// <summary>The cursor after <paramref name="job"/>: its creation time (UTC ticks) and id.</summary>
    public static string CursorOf(FineTuneJob job) => string.Create(CultureInfo.InvariantCulture, $"{job.CreatedAt.UtcTicks}.{job.Id:N}");

    public static (DateTimeOffset CreatedAt, Guid JobId)? ParseCursor(string cursor)
    {
        var parts = cursor.Split('.');
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && Guid.TryParseExact(parts[1], "N", out var id)
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), id)
            : null;
    }
}
