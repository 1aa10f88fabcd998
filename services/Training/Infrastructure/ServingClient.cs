using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>
/// Asks the serving service for a model's answer exactly as the gateway does (<c>/v1/chat/completions</c>, the
/// platform's service credential acting for the tenant), so a model is scored as it will serve.
/// </summary>
public sealed class ServingClient(IHttpClientFactory clients, IConfiguration configuration, IOptions<EvaluationOptions> options)
{
    public const string ClientName = "serving";

    /// <summary>The assistant message the model answered, or null when its answer was late or malformed (a failed
    /// answer); and how long it took. Serving unreachable or refusing the request throws: that says nothing of the model.</summary>
    public async Task<(JsonElement? Message, TimeSpan Elapsed)> AskAsync(
        string tenantId, Guid modelId, JsonElement messages, JsonElement? tools, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ServingUrl, "v1/chat/completions"))
        {
            Content = JsonContent.Create(new { model = modelId.ToString(), messages, tools, stream = false }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", configuration[HttpTaskCallSource.ServiceKeySetting]);
        request.Headers.Add(HttpTaskCallSource.TenantHeader, tenantId);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Serving answered {(int)response.StatusCode} for model {modelId}.", null, response.StatusCode);
            }

            var completion = await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token);
            return (completion.GetProperty("choices")[0].GetProperty("message").Clone(), Stopwatch.GetElapsedTime(started));
        }
        catch (Exception e) when (e is OperationCanceledException && !cancellationToken.IsCancellationRequested
            || e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return (null, Stopwatch.GetElapsedTime(started));
        }
    }
}
