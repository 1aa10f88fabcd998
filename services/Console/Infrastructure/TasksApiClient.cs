using System.Net;
using System.Net.Http.Headers;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>The tasks service's public API as the signed-in user: their tasks and their specialists' savings.</summary>
public sealed class TasksApiClient(HttpClient http, ConsoleSession session)
{
    public const string ServiceName = "tasks";

    public async Task<IReadOnlyList<TaskSummary>> ListTasksAsync(CancellationToken cancellationToken) =>
        await GetAsync<List<TaskSummary>>("api/tasks", await session.ApiKeyAsync(), cancellationToken);

    public async Task<SavingsReport> GetSavingsAsync(CancellationToken cancellationToken) =>
        await GetAsync<SavingsReport>("api/savings", await session.ApiKeyAsync(), cancellationToken);

    /// <summary>One task with its labels and specialist; null when the tenant has no such task.</summary>
    public async Task<TaskDetail?> GetTaskAsync(Guid taskId, CancellationToken cancellationToken) =>
        await FindAsync<TaskDetail>($"api/tasks/{taskId}", cancellationToken);

    /// <summary>Where the task's promotion stands; null when nothing has entered it yet.</summary>
    public async Task<PromotionStatus?> GetPromotionAsync(Guid taskId, CancellationToken cancellationToken) =>
        await FindAsync<PromotionStatus>($"api/tasks/{taskId}/promotion", cancellationToken);

    /// <summary>The promotion policy's decisions for the task, newest first.</summary>
    public async Task<IReadOnlyList<PromotionDecision>> ListPromotionDecisionsAsync(Guid taskId, CancellationToken cancellationToken) =>
        await GetAsync<List<PromotionDecision>>($"api/tasks/{taskId}/promotions", await session.ApiKeyAsync(), cancellationToken);

    /// <summary>Whether <paramref name="apiKey"/> may read the tenant's tasks: what signing in to the console needs.</summary>
    public async Task<HttpStatusCode> ProbeAsync(string apiKey, CancellationToken cancellationToken)
    {
        using var request = Request("api/tasks", apiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    private async Task<T?> FindAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await GetAsync<T>(path, await session.ApiKeyAsync(), cancellationToken);
        }
        catch (PlatformApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<T> GetAsync<T>(string path, string apiKey, CancellationToken cancellationToken)
    {
        using var request = Request(path, apiKey);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new PlatformApiException("The tasks service cannot be reached; is the platform running?", null, e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new PlatformApiException(response.StatusCode switch
                {
                    HttpStatusCode.Unauthorized => "Your key is no longer accepted (revoked or expired): sign in again.",
                    HttpStatusCode.Forbidden => "Your key lacks the 'read' scope this page needs.",
                    _ => $"The tasks service answered {(int)response.StatusCode}.",
                }, response.StatusCode);
            }

            return (await response.Content.ReadFromJsonAsync<T>(PlatformJson.Options, cancellationToken))!;
        }
    }

    private static HttpRequestMessage Request(string path, string apiKey) => new(HttpMethod.Get, path)
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", apiKey) },
    };
}
