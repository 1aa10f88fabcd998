using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using SlmPlatform.Gateway.Capture;

namespace SlmPlatform.Gateway.Infrastructure;

/// <summary>
/// Sends a request on to the tenant's upstream and relays the answer unchanged — status, headers, body; streams event
/// by event as they arrive — while keeping a copy for the capture that is queued once the call is complete.
/// </summary>
public sealed partial class UpstreamRelay(
    IHttpClientFactory httpClientFactory,
    IOptions<GatewayOptions> options,
    CaptureQueue captures,
    TimeProvider time,
    ILogger<UpstreamRelay> logger)
{
    public const string ClientName = "upstream";
    public const string OverheadHeader = "x-slm-overhead-duration-ms";
    public const string CallIdHeader = "x-slm-call-id";

    // Hop-by-hop and framing headers belong to each connection, not to the answer.
    private static readonly HashSet<string> NotRelayed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Content-Length", "Upgrade", "Proxy-Connection", "Trailer",
        "Set-Cookie", "Server", "Date", "Alt-Svc", "Strict-Transport-Security",
    };

    /// <summary>
    /// Relays a chat completion and queues its capture; the captured request is the client's own body. Returns what the
    /// teacher answered, or null when the call did not complete (or its answer was too large to keep).
    /// </summary>
    public async Task<TeacherAnswer?> RelayChatAsync(HttpContext context, string tenantId, CallSite callSite, ChatRequest request, long startedTimestamp)
    {
        var startedAt = time.GetUtcNow();
        var callId = "gw_" + Guid.CreateVersion7().ToString("N");
        var accept = request.IsStream ? "text/event-stream" : "application/json";

        var relayed = await RelayAsync(context, tenantId, HttpMethod.Post, "chat/completions", request.UpstreamBody(), accept, callId, startedTimestamp,
            relayEvents: request.IsStream, dropUsageEvent: request.UsageInjected);
        if (relayed is null)
        {
            return null;
        }

        if (options.Value.CaptureEnabled)
        {
            var latency = Stopwatch.GetElapsedTime(startedTimestamp);
            captures.Enqueue(new PendingCapture(
                tenantId, callId, callSite, startedAt, latency.TotalMilliseconds,
                relayed.Value.Succeeded ? "success" : "error",
                request.ClientBody, relayed.Value.Body, relayed.Value.IsEventStream));
        }

        return new TeacherAnswer(relayed.Value.Body, relayed.Value.Succeeded, relayed.Value.IsEventStream);
    }

    /// <summary>
    /// Asks the teacher a call that a specialist already answered (<paramref name="body"/> without streaming), off the
    /// caller's path, to measure agreement. The teacher's answer is captured like any teacher call: it is what keeps the
    /// task's dataset growing while a specialist serves, and the platform paid for it. Null when the teacher did not answer.
    /// </summary>
    public async Task<TeacherAnswer?> AskAsync(string tenantId, CallSite callSite, byte[] body, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var started = Stopwatch.GetTimestamp();
        using var upstreamRequest = CreateRequest(options.Value.UpstreamFor(tenantId), HttpMethod.Post, "chat/completions", body, "application/json");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Value.UpstreamTimeout);
        using var response = await httpClientFactory.CreateClient(ClientName).SendAsync(upstreamRequest, deadline.Token);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        // Off the caller's path nobody would notice an endless answer: read no more than an answer may hold.
        if (await AnswerRelay.ReadAtMostAsync(response.Content, options.Value.MaxResponseBytes, deadline.Token) is not { } answer)
        {
            LogAnswerTooLarge(options.Value.MaxResponseBytes);
            return null;
        }

        if (options.Value.CaptureEnabled)
        {
            captures.Enqueue(new PendingCapture(
                tenantId, "gw_" + Guid.CreateVersion7().ToString("N"), callSite, startedAt, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                "success", body, answer, IsStream: false));
        }

        return new TeacherAnswer(answer, Succeeded: true, IsEventStream: false);
    }

    /// <summary>Relays <c>GET /models</c>; nothing is captured.</summary>
    public Task RelayModelsAsync(HttpContext context, string tenantId, long startedTimestamp) =>
        RelayAsync(context, tenantId, HttpMethod.Get, "models", null, "application/json", callId: null, startedTimestamp, relayEvents: false, dropUsageEvent: false);

    private async Task<RelayedAnswer?> RelayAsync(
        HttpContext context, string tenantId, HttpMethod method, string path, byte[]? body, string accept, string? callId,
        long startedTimestamp, bool relayEvents, bool dropUsageEvent)
    {
        var settings = options.Value;
        using var upstreamRequest = CreateRequest(settings.UpstreamFor(tenantId), method, path, body, accept);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        deadline.CancelAfter(settings.UpstreamTimeout);

        var sent = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await httpClientFactory.CreateClient(ClientName).SendAsync(upstreamRequest, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException)
        {
            await WriteProblemAsync(context, StatusCodes.Status504GatewayTimeout, "Upstream timeout", "The upstream did not answer in time.");
            return null;
        }
        catch (HttpRequestException e)
        {
            LogUpstreamUnreachable(e.HttpRequestError);
            await WriteProblemAsync(context, StatusCodes.Status502BadGateway, "Upstream unreachable",
                $"The upstream {Shown(upstreamRequest.RequestUri!)} could not be reached; it is set by {settings.UpstreamSettingFor(tenantId)}.");
            return null;
        }

        using (response)
        {
            var waited = Stopwatch.GetElapsedTime(sent);
            var isEventStream = relayEvents && response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "text/event-stream";
            WriteResponseHead(context, response, callId, Stopwatch.GetElapsedTime(startedTimestamp) - waited);
            try
            {
                var captured = isEventStream
                    ? await AnswerRelay.RelayEventsAsync(context, response, dropUsageEvent, settings.MaxResponseBytes, deadline.Token)
                    : await AnswerRelay.RelayBodyAsync(context, response, settings.MaxResponseBytes, deadline.Token);
                return captured is null ? null : new RelayedAnswer(captured.Value, response.IsSuccessStatusCode, isEventStream);
            }
            catch (EventTooLargeException e)
            {
                LogEventTooLarge(callId, e.Limit);
                context.Abort();
                return null;
            }
            catch (Exception e) when (e is OperationCanceledException or IOException or HttpRequestException)
            {
                // The client left or the upstream broke off mid-answer: the call did not complete, so nothing is captured.
                LogRelayAborted(callId, e);
                context.Abort();
                return null;
            }
        }
    }

    // Scheme, host, port and path: never credentials or a query.
    private static string Shown(Uri upstream) => upstream.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped);

    private static HttpRequestMessage CreateRequest(UpstreamOptions upstream, HttpMethod method, string path, byte[]? body, string accept)
    {
        var request = new HttpRequestMessage(method, new Uri(upstream.BaseUrl.TrimEnd('/') + "/" + path));
        request.Headers.Accept.ParseAdd(accept);
        // Uncompressed, so the relayed bytes and the captured ones are the same text.
        request.Headers.AcceptEncoding.ParseAdd("identity");
        if (!string.IsNullOrEmpty(upstream.ApiKey))
        {
            if (string.Equals(upstream.ApiKeyHeader, "Authorization", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", upstream.ApiKey);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(upstream.ApiKeyHeader, upstream.ApiKey);
            }
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        return request;
    }

    private static void WriteResponseHead(HttpContext context, HttpResponseMessage response, string? callId, TimeSpan overhead)
    {
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!NotRelayed.Contains(header.Key))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }

        context.Response.Headers[OverheadHeader] = overhead.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture);
        if (callId is not null)
        {
            context.Response.Headers[CallIdHeader] = callId;
        }
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string title, string detail) =>
        await GatewayProblem.Create(status, title, detail, "upstream_error").ExecuteAsync(context);

    private readonly record struct RelayedAnswer(ReadOnlyMemory<byte> Body, bool Succeeded, bool IsEventStream);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The upstream could not be reached ({Error})")]
    private partial void LogUpstreamUnreachable(HttpRequestError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the upstream sent an event longer than {Limit} bytes (Gateway:MaxResponseBytes); the call was ended, not captured")]
    private partial void LogEventTooLarge(string? callId, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The teacher's answer to a comparison was longer than {Limit} bytes (Gateway:MaxResponseBytes) and was not used")]
    private partial void LogAnswerTooLarge(int limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} broke off before it completed; not captured")]
    private partial void LogRelayAborted(string? callId, Exception exception);
}
