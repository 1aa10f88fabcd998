namespace SlmPlatform.Console.Infrastructure;

/// <summary>The training service's fine-tune jobs as the signed-in user: list, start one for a task, cancel.</summary>
public sealed class TrainingApiClient(HttpClient http, ConsoleSession session) : PlatformApiClient(http, session, "training service")
{
    public const string ServiceName = "training";

    /// <summary>The tenant's jobs, newest first.</summary>
    public Task<FineTuneJobPage> ListJobsAsync(int limit, CancellationToken cancellationToken) =>
        GetAsync<FineTuneJobPage>($"api/finetune-jobs?limit={limit}", cancellationToken);

    /// <summary>A job for the task, of <paramref name="kind"/> (<c>auto</c>: the selector's choice).</summary>
    public Task<FineTuneJob> StartAsync(Guid taskId, string kind, CancellationToken cancellationToken) =>
        PostAsync<FineTuneJobStart, FineTuneJob>("api/finetune-jobs", new FineTuneJobStart(taskId, kind), cancellationToken);

    public Task<FineTuneJob> CancelAsync(Guid jobId, CancellationToken cancellationToken) =>
        PostAsync<object?, FineTuneJob>($"api/finetune-jobs/{jobId}/cancel", null, cancellationToken);
}
