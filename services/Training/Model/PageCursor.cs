using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Training.Model;

/// <summary>The 'next' values of the training service's keyset-paged lists (<see cref="KeysetPaging"/>).</summary>
public static class PageCursor
{
    public static string Of(FineTuneJob job) => KeysetPaging.Cursor(job.CreatedAt, job.Id.ToString("N"));

    public static string Of(DatasetSummary dataset) => KeysetPaging.Cursor(dataset.CreatedAt, dataset.Id);
}
