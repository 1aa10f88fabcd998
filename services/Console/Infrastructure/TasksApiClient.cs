using System.Net;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>The tasks service's public API as the signed-in user: their tasks and their specialists' savings.</summary>
public sealed class TasksApiClient(HttpClient http, ConsoleSession session) : PlatformApiClient(http, session, "tasks service")
{
    public const string ServiceName = "tasks";

    public async Task<IReadOnlyList<TaskSummary>> ListTasksAsync(CancellationToken cancellationToken) =>
        await GetAsync<List<TaskSummary>>("api/tasks", cancellationToken);

    public Task<SavingsReport> GetSavingsAsync(CancellationToken cancellationToken) =>
        GetAsync<SavingsReport>("api/savings", cancellationToken);

    /// <summary>One task with its labels and specialist; null when the tenant has no such task.</summary>
    public Task<TaskDetail?> GetTaskAsync(Guid taskId, CancellationToken cancellationToken) =>
        FindAsync<TaskDetail>($"api/tasks/{taskId}", cancellationToken);

    /// <summary>Where the task's promotion stands; null when nothing has entered it yet.</summary>
    public Task<PromotionStatus?> GetPromotionAsync(Guid taskId, CancellationToken cancellationToken) =>
        FindAsync<PromotionStatus>($"api/tasks/{taskId}/promotion", cancellationToken);

    /// <summary>The promotion policy's decisions for the task, newest first.</summary>
    public async Task<IReadOnlyList<PromotionDecision>> ListPromotionDecisionsAsync(Guid taskId, CancellationToken cancellationToken) =>
        await GetAsync<List<PromotionDecision>>($"api/tasks/{taskId}/promotions", cancellationToken);

    /// <summary>Whether <paramref name="apiKey"/> may read the tenant's tasks: what signing in to the console needs.</summary>
    public Task<HttpStatusCode> ProbeAsync(string apiKey, CancellationToken cancellationToken) => ProbeAsync("api/tasks", apiKey, cancellationToken);
}
