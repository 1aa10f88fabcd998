using System.Globalization;

namespace SlmPlatform.Training.Model;

/// <summary>
/// The 'next' value of a keyset-paged list, newest first: the last item's creation time and id, so pages hold while
/// new items arrive. Opaque to callers; refused when it is not one this service made.
/// </summary>
public static class PageCursor
{
    public static string Of(DateTimeOffset createdAt, string id) => string.Create(CultureInfo.InvariantCulture, $"{createdAt.UtcTicks}.{id}");

    public static string Of(FineTuneJob job) => Of(job.CreatedAt, job.Id.ToString("N"));

    public static string Of(DatasetSummary dataset) => Of(dataset.CreatedAt, dataset.Id);

    public static (DateTimeOffset CreatedAt, string Id)? Parse(string cursor)
    {
        var parts = cursor.Split('.', 2);
        return parts.Length == 2
            && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
            && parts[1].Length is > 0 and <= 64
            ? (new DateTimeOffset(ticks, TimeSpan.Zero), parts[1])
            : null;
    }

    /// <summary>A job cursor: its id part must be a job id.</summary>
    public static (DateTimeOffset CreatedAt, Guid JobId)? ParseJob(string cursor) =>
        Parse(cursor) is { } parsed && Guid.TryParseExact(parsed.Id, "N", out var id) ? (parsed.CreatedAt, id) : null;
}
