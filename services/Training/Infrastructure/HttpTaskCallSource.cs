using System.Net;
using System.Runtime.CompilerServices;
using SlmPlatform.ApiKeys;
using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>
/// A task's scrubbed calls from the platform's own APIs, as the platform's service credential acting for the
/// tenant: the task's call ids and labels from the tasks service (<c>GET /api/tasks/{id}/calls</c>, pages of 500),
/// the scrubbed calls themselves from the calls service (<c>POST /api/calls/lookup</c>), page by page.
/// </summary>
public sealed class HttpTaskCallSource(IHttpClientFactory clients, IConfiguration configuration) : ITaskCallSource
{
    public const string TasksClient = "tasks";
    public const string CallsClient = "calls";
    private const int PageSize = 500;

    public async Task<string?> OutputKindAsync(string tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"/api/tasks/{taskId}", tenantId);
        using var response = await clients.CreateClient(TasksClient).SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var detail = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return detail.GetProperty("task").GetProperty("output_kind").GetString();
    }

    public async IAsyncEnumerable<SourceCall> ReadAsync(string tenantId, Guid taskId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var query = $"/api/tasks/{taskId}/calls?limit={PageSize}" + (after is null ? string.Empty : $"&after={Uri.EscapeDataString(after)}");
            using var pageRequest = Request(HttpMethod.Get, query, tenantId);
            using var pageResponse = await clients.CreateClient(TasksClient).SendAsync(pageRequest, cancellationToken);
            pageResponse.EnsureSuccessStatusCode();
            var page = await pageResponse.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var labels = page.GetProperty("items").EnumerateArray().ToDictionary(
                i => i.GetProperty("call_id").GetString()!,
                i => i.TryGetProperty("output_label", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null,
                StringComparer.Ordinal);
            after = page.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
            if (labels.Count == 0)
            {
                continue;
            }

            using var lookup = Request(HttpMethod.Post, "/api/calls/lookup", tenantId);
            lookup.Content = JsonContent.Create(new { ids = labels.Keys });
            using var callsResponse = await clients.CreateClient(CallsClient).SendAsync(lookup, cancellationToken);
            callsResponse.EnsureSuccessStatusCode();
            var calls = await callsResponse.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var byId = calls.GetProperty("items").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, StringComparer.Ordinal);

            // In the tasks service's order; a call the calls service no longer has is skipped.
            foreach (var (callId, label) in labels)
            {
                if (byId.TryGetValue(callId, out var call))
                {
                    var request = call.GetProperty("request");
                    yield return new SourceCall(callId,
                        request.TryGetProperty("messages", out var messages) ? messages.Clone() : default,
                        request.TryGetProperty("tools", out var tools) ? tools.Clone() : null,
                        call.GetProperty("response").Clone(), call.GetProperty("status").GetString() ?? "success", label);
                }
            }
        }
        while (after is not null);
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string tenantId)
    {
        var key = configuration[ServiceCredential.ConfigurationKey] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{ServiceCredential.ConfigurationKey} is not set: the training service cannot read a task's calls without the platform's service credential.");
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        ServiceCredential.ActFor(request, key, tenantId);
        return request;
    }
}
