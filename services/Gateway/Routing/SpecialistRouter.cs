using System.Diagnostics;
using Microsoft.Extensions.Options;
using SlmPlatform.ApiKeys;
using SlmPlatform.Routing;

namespace SlmPlatform.Gateway.Routing;

/// <summary>
/// Sends a call of a promoted task to its specialist, and returns the specialist's answer when it passes the task's
/// output check. Any failure — no answer in time, an error, an answer outside the label set, invalid JSON, a call to an
/// unknown function — leaves the call to the teacher within the same request, and is counted. Calls a specialist
/// answered are not captured: only the teacher's answers become training data. Without Redis (no <c>cache</c>
/// connection) there is no routing table and every call goes to the teacher.
/// </summary>
public sealed partial class SpecialistRouter(
    IHttpClientFactory httpClientFactory,
    IOptions<SpecialistRoutingOptions> options,
    IConfiguration configuration,
    RoutingMetrics metrics,
    ILogger<SpecialistRouter> logger,
    RouteTable? routes = null,
    RoutingLedger? ledger = null)
{
    public const string ClientName = "serving";
    public const string ServedByHeader = "x-slm-served-by";
    private readonly byte[]? _promptSecret = RouteKeys.Secret(configuration[RouteKeys.ConfigurationKey]);
    private readonly string? _serviceKey = configuration[ServiceCredential.ConfigurationKey];

    /// <summary>True when a specialist answered (the response is written); false to relay to the teacher.</summary>
    public async Task<bool> TryAnswerAsync(HttpContext context, string tenantId, CallSite site, ChatRequest request, long startedTimestamp)
    {
        if (routes is null || await routes.FindAsync(tenantId, KeysOf(site, request.Json)) is not { Mode: RouteModes.Full } route)
        {
            return false;
        }

        var (message, usage, failure) = await AskAsync(tenantId, route, request, context.RequestAborted);
        if (failure is not null)
        {
            metrics.FellBack(route.TaskId, failure);
            LogFellBack(route.TaskId, route.ModelId, failure);
            Record(ledger?.RecordFallbackAsync(tenantId, route.TaskId));
            return false;
        }

        metrics.Answered(route.TaskId);
        Record(ledger?.RecordAnswerAsync(tenantId, route.TaskId, Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds));
        context.Response.Headers[ServedByHeader] = $"specialist:{route.ModelId}";
        await SpecialistAnswerWriter.WriteAsync(context, request, message, usage, Stopwatch.GetElapsedTime(startedTimestamp));
        return true;
    }

    /// <summary>The keys this call can be routed by: its workload tag, then its prompt key.</summary>
    public IEnumerable<string> KeysOf(CallSite site, JsonElement request)
    {
        if (site.Workload is { } workload)
        {
            yield return RouteKeys.ForWorkload(site.Agent, workload);
        }

        if (_promptSecret is not null && RouteKeys.SystemPrompt(request) is { } prompt)
        {
            yield return RouteKeys.ForPrompt(RouteKeys.PromptKey(_promptSecret, site.Agent, prompt));
        }
    }

    private async Task<(JsonElement Message, JsonElement Usage, string? Failure)> AskAsync(
        string tenantId, SpecialistRoute route, ChatRequest request, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.Timeout);
        using var ask = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Value.ServingUrl, "v1/chat/completions"))
        {
            Content = JsonContent.Create(new { model = route.ModelId.ToString(), messages = request.Json.GetProperty("messages"), stream = false }),
        };
        ask.Headers.Authorization = new("Bearer", _serviceKey);
        ask.Headers.Add(ServiceCredential.TenantHeader, tenantId);
        try
        {
            using var response = await httpClientFactory.CreateClient(ClientName).SendAsync(ask, deadline.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (default, default, $"status_{(int)response.StatusCode}");
            }

            var completion = await response.Content.ReadFromJsonAsync<JsonElement>(deadline.Token);
            var message = completion.GetProperty("choices")[0].GetProperty("message");
            var usage = completion.TryGetProperty("usage", out var u) ? u.Clone() : default;
            return route.Check.Passes(message) ? (message.Clone(), usage, null) : (default, default, "check_failed");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (default, default, "timeout");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            return (default, default, "unreachable_or_malformed");
        }
    }

    // The ledger is for the savings report; a call never waits for it or fails with it.
    private void Record(Task? recording) =>
        recording?.ContinueWith(t => LogLedgerFailed(t.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a routed call for the savings report")]
    private partial void LogLedgerFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: specialist {ModelId} did not answer usably ({Reason}); the teacher answers")]
    private partial void LogFellBack(Guid taskId, Guid modelId, string reason);
}
