using System.Net;
using SlmPlatform.ApiKeys;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>The tasks service's read API, as the platform's service credential acting for the tenant.</summary>
public sealed class TasksClient(HttpClient http)
{
    /// <summary>The task, or null when the tenant has none with that id.</summary>
    public async Task<TaskDetail?> FindAsync(string tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/tasks/{taskId}").ActingFor(tenantId);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<TaskDetail>(PlatformJson.Options, cancellationToken);
    }

    /// <summary>One page of the task's calls (ids and labels); <paramref name="after"/> is the previous page's <c>next</c>.</summary>
    public async Task<TaskCallPage> CallsAsync(string tenantId, Guid taskId, string? after, int limit, CancellationToken cancellationToken)
    {
        var query = $"/api/tasks/{taskId}/calls?limit={limit}" + (after is null ? string.Empty : $"&after={Uri.EscapeDataString(after)}");
        using var request = new HttpRequestMessage(HttpMethod.Get, query).ActingFor(tenantId);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TaskCallPage>(PlatformJson.Options, cancellationToken))!;
    }
}
