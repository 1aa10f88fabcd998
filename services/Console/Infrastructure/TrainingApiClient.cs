namespace SlmPlatform.Console.Infrastructure;

/// <summary>
/// The training service as the signed-in user: fine-tune jobs (list, start one for a task, cancel), dataset versions
/// and their exports, and the model registry with each model's evaluations against the teacher.
/// </summary>
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

    /// <summary>The tenant's dataset versions, newest first.</summary>
    public Task<DatasetPage> ListDatasetsAsync(int limit, CancellationToken cancellationToken) =>
        GetAsync<DatasetPage>($"api/datasets?limit={limit}", cancellationToken);

    /// <summary>A dataset version's examples as JSONL for fine-tuning (<c>openai</c> or <c>hf</c>), to stream on.</summary>
    public Task<HttpResponseMessage> ExportDatasetAsync(string datasetId, string format, string apiKey, CancellationToken cancellationToken) =>
        GetResponseAsync($"api/datasets/{Uri.EscapeDataString(datasetId)}/export?format={Uri.EscapeDataString(format)}", apiKey, cancellationToken);

    /// <summary>The tenant's models, newest first.</summary>
    public Task<IReadOnlyList<RegisteredModel>> ListModelsAsync(CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<RegisteredModel>>("api/models", cancellationToken);

    /// <summary>The model's evaluations against the teacher, newest first.</summary>
    public Task<IReadOnlyList<ModelEvaluation>> EvaluationsAsync(Guid modelId, CancellationToken cancellationToken) =>
        GetAsync<IReadOnlyList<ModelEvaluation>>($"api/models/{modelId}/evaluations", cancellationToken);
}
