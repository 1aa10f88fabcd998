using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Globalization;
using MassTransit;
using Microsoft.Extensions.Options;
using SlmPlatform.Scrubber.Infrastructure;
using SlmPlatform.Messaging;
using SlmPlatform.Routing;
using SlmPlatform.Scrubbing;

namespace SlmPlatform.Scrubber.Consumers;

/// <summary>
/// The scrubber: the only reader of raw calls. It replaces personal data in the request and response, stores the
/// result once, and announces it. On redelivery the row is already there, so it only publishes
/// <see cref="CallScrubbed"/> again, with the same event id, for consumers to drop as a duplicate. A call that still
/// fails on its last retry is parked sealed (<see cref="CallParked"/>), never moved raw to an error queue; so is one
/// on its last delivery from a quorum queue (it killed the process on every earlier one), before it is tried again.
/// </summary>
public sealed partial class CallCapturedConsumer(
    CallStore store,
    JsonScrubber scrubber,
    ParkedCallSeal seal,
    IOptions<QueueOptions> queues,
    IOptions<DatabaseOutageOptions> outage,
    IConfiguration configuration,
    ILogger<CallCapturedConsumer> logger)
    : IConsumer<CallCaptured>
{
    /// <summary>The reason a call parked for its deliveries gives.</summary>
    public const string DeliveryLimitReason = "DeliveryLimit";

    private readonly int _attempts = CallCapturedConsumerDefinition.RetryIntervals.Length + outage.Value.RetryIntervals().Length;
    private readonly byte[]? _promptSecret = RouteKeys.Secret(configuration[RouteKeys.ConfigurationKey]);

    public async Task Consume(ConsumeContext<CallCaptured> context)
    {
        if (DeliveryLimits.IsLastDelivery(context, queues.Value))
        {
            await ParkAsync(context, DeliveryLimitReason);
            LogParkedForDeliveries(context.Message.CaptureId, DeliveryLimits.DeliveryCount(context));
            return;
        }

        try
        {
            await ScrubAsync(context);
        }
        catch (Exception e) when (e is not OperationCanceledException && IsLastAttempt(e, context.GetRetryAttempt()))
        {
            await ParkAsync(context, e.GetType().Name);
            LogParked(context.Message.CaptureId, e.GetType().Name);
        }
    }

    // While the database is away every call fails alike, and parking it would only move it to a list an operator must
    // replay: it is retried until the database returns (or the longer retries run out).
    private bool IsLastAttempt(Exception e, int attempt) =>
        attempt >= _attempts
        || (attempt >= CallCapturedConsumerDefinition.RetryIntervals.Length && !DatabaseOutage.IsOutage(e));

    private async Task ParkAsync(ConsumeContext<CallCaptured> context, string reason)
    {
        var captured = context.Message;
        var parked = new CallParked(
            DeterministicId.Create("call-parked", captured.TenantId, captured.CallId, context.MessageId?.ToString() ?? string.Empty, DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture)),
            captured.TenantId, captured.CallId, DateTimeOffset.UtcNow, reason,
            seal.Seal(captured.TenantId, captured.CallId, JsonSerializer.SerializeToUtf8Bytes(captured)));
        await context.PublishMandatoryAsync(parked, parked.EventId, context.CancellationToken);
    }

    private async Task ScrubAsync(ConsumeContext<CallCaptured> context)
    {
        var captured = context.Message;
        // One session per call: the request and the response share surrogates and placeholder numbers.
        var session = scrubber.StartSession(captured.TenantId);
        var request = session.Scrub(StorableNode(captured.Request));
        var response = session.Scrub(StorableNode(captured.Response));
        var replacements = Merge(request.Replacements, response.Replacements);

        var call = new ScrubbedCall(
            captured.TenantId,
            captured.CallId,
            captured.Agent,
            captured.Workload,
            captured.StartedAt,
            captured.LatencyMs,
            captured.Status,
            captured.Source,
            request.Document?.ToJsonString() ?? "null",
            response.Document?.ToJsonString() ?? "null",
            replacements,
            captured.CapturedAt,
            [.. StandIns(StandIn.Request, request), .. StandIns(StandIn.Response, response)]);

        if (!await store.TryInsertAsync(call, context.CancellationToken))
        {
            LogAlreadyStored(captured.CaptureId);
        }

        var scrubbed = new CallScrubbed(
            DeterministicId.ForScrubbed(captured.TenantId, captured.CallId),
            captured.TenantId,
            captured.CallId,
            captured.Agent,
            captured.Workload,
            captured.StartedAt,
            replacements,
            CallFactsExtractor.Extract(request.Document, response.Document, captured.LatencyMs) with { PromptKey = PromptKeyOf(captured) });
        await context.Publish(scrubbed, publish => publish.MessageId = scrubbed.EventId, context.CancellationToken);
    }

    private static IEnumerable<StandIn> StandIns(string document, ScrubbedDocument scrubbed) =>
        scrubbed.Values.SelectMany(value => value.Spans.Select(span => new StandIn(document, value.Path, span.EntityType, span.Start, span.Length)));

    // The edges map what PostgreSQL cannot store; a capture published by an older edge is mapped here the same way,
    // so that it is stored rather than retried into the error queue.
    private static JsonNode? StorableNode(JsonElement payload)
    {
        var json = JsonMarshal.GetRawUtf8Value(payload).ToArray();
        CallPayload.ReplaceUnstorableEscapes(json);
        return JsonNode.Parse(json);
    }

    // From the raw prompt, as the gateway sees it; only the keyed hash leaves this method.
    private string? PromptKeyOf(CallCaptured captured) =>
        _promptSecret is not null && RouteKeys.SystemPrompt(captured.Request) is { } prompt ? RouteKeys.PromptKey(_promptSecret, captured.Agent, prompt) : null;

    private static Dictionary<string, int> Merge(IReadOnlyDictionary<string, int> first, IReadOnlyDictionary<string, int> second)
    {
        var merged = new Dictionary<string, int>(first, StringComparer.Ordinal);
        foreach (var (type, count) in second)
        {
            merged[type] = merged.GetValueOrDefault(type) + count;
        }

        return merged;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Capture {CaptureId} was already stored; announcing it again")]
    private partial void LogAlreadyStored(Guid captureId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Capture {CaptureId} was delivered {Deliveries} times before without being settled; parked sealed for replay")]
    private partial void LogParkedForDeliveries(Guid captureId, long deliveries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Capture {CaptureId} could not be stored after its retries ({Reason}); parked sealed for replay")]
    private partial void LogParked(Guid captureId, string reason);
}
