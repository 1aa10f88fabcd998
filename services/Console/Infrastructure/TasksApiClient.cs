using System.Globalization;
using System.Net;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>The tasks service's public API as the signed-in user: their tasks and their specialists' savings.</summary>
public sealed class TasksApiClient(HttpClient http, ConsoleSession session) : PlatformApiClient(http, session, "tasks service")
{
    public const string ServiceName = "tasks";

    public async Task<IReadOnlyList<TaskSummary>> ListTasksAsync(CancellationToken cancellationToken) =>
        await GetAsync<List<TaskSummary>>("api/tasks", cancellationToken);

    /// <summary>What specialists saved from <paramref name="from"/> to <paramref name="to"/> (UTC days, both included).</summary>
    public Task<SavingsReport> GetSavingsAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        GetAsync<SavingsReport>($"api/savings?{Period(from, to)}", cancellationToken);

    /// <summary>Calls captured, tokens and LLM spend per day and task from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public Task<UsageReport> GetUsageAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        GetAsync<UsageReport>($"api/usage?{Period(from, to)}", cancellationToken);

    /// <summary>One task with its labels and specialist; null when the tenant has no such task.</summary>
    public Task<TaskDetail?> GetTaskAsync(Guid taskId, CancellationToken cancellationToken) =>
        FindAsync<TaskDetail>($"api/tasks/{taskId}", cancellationToken);

    /// <summary>Where the task's promotion stands; null when nothing has entered it yet.</summary>
    public Task<PromotionStatus?> GetPromotionAsync(Guid taskId, CancellationToken cancellationToken) =>
        FindAsync<PromotionStatus>($"api/tasks/{taskId}/promotion", cancellationToken);

    /// <summary>The promotion policy's decisions for the task, newest first.</summary>
    public async Task<IReadOnlyList<PromotionDecision>> ListPromotionDecisionsAsync(Guid taskId, CancellationToken cancellationToken) =>
        await GetAsync<List<PromotionDecision>>($"api/tasks/{taskId}/promotions", cancellationToken);

    /// <summary>The task's topics, largest first, with its outliers.</summary>
    public Task<TaskTopics> TopicsAsync(Guid taskId, CancellationToken cancellationToken) =>
        GetAsync<TaskTopics>($"api/tasks/{taskId}/topics", cancellationToken);

    /// <summary>
    /// A page of the task's calls with their labels and topics, in the order they were filed: after the previous
    /// page's <c>next</c>, and within the UTC days from <paramref name="from"/> to <paramref name="to"/> where given.
    /// </summary>
    public Task<TaskCallPage> TaskCallsAsync(
        Guid taskId, int limit, CancellationToken cancellationToken, string? after = null, DateOnly? from = null, DateOnly? to = null) =>
        GetAsync<TaskCallPage>($"api/tasks/{taskId}/calls?{CallQuery.Of(limit, after, from, to)}", cancellationToken);

    /// <summary>Renames the task, or ignores or restores it.</summary>
    public Task UpdateTaskAsync(Guid taskId, TaskUpdate update, CancellationToken cancellationToken) =>
        PatchAsync<TaskUpdate, object>($"api/tasks/{taskId}", update, cancellationToken);

    /// <summary>Folds the other tasks into this one.</summary>
    public Task MergeAsync(Guid taskId, TaskMerge merge, CancellationToken cancellationToken) =>
        PostAsync<TaskMerge, object>($"api/tasks/{taskId}/merge", merge, cancellationToken);

    /// <summary>Moves the topics into a new task; its id.</summary>
    public Task<TaskSplitResult> SplitAsync(Guid taskId, TaskSplit split, CancellationToken cancellationToken) =>
        PostAsync<TaskSplit, TaskSplitResult>($"api/tasks/{taskId}/split", split, cancellationToken);

    /// <summary>The prices the tenant's calls are costed at, its own first.</summary>
    public async Task<IReadOnlyList<ModelPriceEntry>> ListPricesAsync(CancellationToken cancellationToken) =>
        await GetAsync<List<ModelPriceEntry>>("api/prices", cancellationToken);

    public Task<ModelPriceEntry> SetPriceAsync(string model, ModelPriceUpdate price, CancellationToken cancellationToken) =>
        PutAsync<ModelPriceUpdate, ModelPriceEntry>($"api/prices/{Uri.EscapeDataString(model.Trim())}", price, cancellationToken);

    /// <summary>Drops the tenant's own price for the model: the platform's applies again.</summary>
    public Task RemovePriceAsync(string model, CancellationToken cancellationToken) => DeleteAsync($"api/prices/{Uri.EscapeDataString(model)}", cancellationToken);

    /// <summary>The tenant's promotion policy.</summary>
    public Task<PromotionPolicy> GetPolicyAsync(CancellationToken cancellationToken) =>
        GetAsync<PromotionPolicy>("api/promotion-policy", cancellationToken);

    public Task<PromotionPolicy> SavePolicyAsync(PromotionPolicy policy, CancellationToken cancellationToken) =>
        PutAsync<PromotionPolicy, PromotionPolicy>("api/promotion-policy", policy, cancellationToken);

    /// <summary>The policy's decisions over all the tenant's tasks, newest first; <paramref name="review"/> filters them.</summary>
    public async Task<IReadOnlyList<PromotionDecision>> ListTenantDecisionsAsync(string? review, CancellationToken cancellationToken) =>
        await GetAsync<List<PromotionDecision>>(review is null ? "api/promotions" : $"api/promotions?review={review}", cancellationToken);

    /// <summary>Approves (carries out) or rejects the task's pending recommendation.</summary>
    public Task<PromotionDecision> ReviewAsync(PromotionDecision decision, bool approve, CancellationToken cancellationToken) =>
        PostAsync<object?, PromotionDecision>(
            $"api/tasks/{decision.TaskId}/promotions/{decision.DecisionId}/{(approve ? "approve" : "reject")}", null, cancellationToken);

    /// <summary>Whether <paramref name="apiKey"/> may read the tenant's tasks: what signing in to the console needs.</summary>
    public Task<HttpStatusCode> ProbeAsync(string apiKey, CancellationToken cancellationToken) => ProbeAsync("api/tasks", apiKey, cancellationToken);

    private static string Period(DateOnly from, DateOnly to) =>
        string.Create(CultureInfo.InvariantCulture, $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
}
