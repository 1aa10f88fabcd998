using System.Diagnostics;
using SlmPlatform.Routing;

namespace SlmPlatform.Gateway.Routing;

/// <summary>
/// Routes a call of a promoted task by its route's mode. <c>full</c>: the specialist answers when its answer passes the
/// task's output check; any failure leaves the call to the teacher within the same request, and is counted.
/// <c>canary</c>: the same for a share of the calls chosen by a hash of the request (a retry lands the same way), the
/// teacher for the rest. <c>shadow</c>: the teacher answers; the specialist is asked in the background and compared.
/// A sampled share of the specialist's answers is also asked of the teacher in the background, for online agreement.
/// A route with a confidence threshold is selective: an answer the specialist is less sure of than that is not used, and
/// the teacher answers the same request (its answer is captured like any other, so it feeds the next training round).
/// Calls a specialist answered are not captured: only the teacher's answers become training data. Without Redis (no
/// <c>cache</c> connection) there is no routing table and every call goes to the teacher.
/// </summary>
public sealed partial class SpecialistRouter(
    SpecialistClient specialists,
    OnlineComparisons comparisons,
    IConfiguration configuration,
    RoutingMetrics metrics,
    ILogger<SpecialistRouter> logger,
    RouteTable? routes = null,
    RoutingLedger? ledger = null)
{
    public const string ServedByHeader = "x-slm-served-by";
    private readonly byte[]? _promptSecret = RouteKeys.Secret(configuration[RouteKeys.ConfigurationKey]);

    /// <summary>Answers the call with a specialist where its route says so; otherwise says how the teacher's answer is to be used.</summary>
    public async Task<RouteDecision> RouteAsync(HttpContext context, string tenantId, CallSite site, ChatRequest request, long startedTimestamp)
    {
        if (routes is null || await routes.FindAsync(tenantId, KeysOf(site, request.Json)) is not { } route
            || SpecialistClient.BodyFor(route, request) is not { } specialistBody)
        {
            return RouteDecision.ToTeacher;
        }

        switch (route.Mode)
        {
            case RouteModes.Shadow:
                return RouteDecision.ToTeacherWithShadow(comparisons.StartShadow(tenantId, route, specialistBody));
            case RouteModes.Canary when !RouteShares.Selects(RouteShares.CanaryPurpose, route.TaskId, request.ClientBody, route.Share):
                return RouteDecision.ToTeacher;
            case RouteModes.Full or RouteModes.Canary:
                return await AnswerAsync(context, tenantId, site, route, request, specialistBody, startedTimestamp) ? RouteDecision.Answered : RouteDecision.ToTeacher;
            default:
                // A mode this gateway does not know (a newer writer): the teacher is always a safe answer.
                return RouteDecision.ToTeacher;
        }
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

    private async Task<bool> AnswerAsync(
        HttpContext context, string tenantId, CallSite site, SpecialistRoute route, ChatRequest request, byte[] specialistBody, long startedTimestamp)
    {
        var answer = await specialists.AskAsync(tenantId, route, specialistBody, context.RequestAborted);
        if (answer.Failure is { } failure)
        {
            metrics.FellBack(route.TaskId, failure);
            LogFellBack(route.TaskId, route.ModelId, failure);
            Record(ledger?.RecordFallbackAsync(tenantId, route.TaskId));
            return false;
        }

        if (!route.Answers(answer.Confidence))
        {
            metrics.FellBack(route.TaskId, "abstained");
            Record(ledger?.RecordAbstentionAsync(tenantId, route.TaskId, Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds));
            return false;
        }

        metrics.Answered(route.TaskId);
        Record(ledger?.RecordAnswerAsync(tenantId, route.TaskId, Stopwatch.GetElapsedTime(startedTimestamp).TotalMilliseconds));
        context.Response.Headers[ServedByHeader] = $"specialist:{route.ModelId}";
        await SpecialistAnswerWriter.WriteAsync(context, request, answer.Message, answer.Usage, Stopwatch.GetElapsedTime(startedTimestamp));
        if (RouteShares.Selects(RouteShares.SamplePurpose, route.TaskId, request.ClientBody, route.Sample))
        {
            comparisons.StartSample(tenantId, site, route, answer.Message, request.NonStreamingBody());
        }

        return true;
    }

    // The ledger is for the savings report; a call never waits for it or fails with it.
    private void Record(Task? recording) =>
        recording?.ContinueWith(t => LogLedgerFailed(t.Exception!), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record a routed call for the savings report")]
    private partial void LogLedgerFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {TaskId}: specialist {ModelId} did not answer usably ({Reason}); the teacher answers")]
    private partial void LogFellBack(Guid taskId, Guid modelId, string reason);
}
