using MassTransit;
using Microsoft.Extensions.Options;
using SlmPlatform.Messaging;

namespace SlmPlatform.Ingest.Infrastructure;

/// <summary>Puts captured calls on the bus and returns only once RabbitMQ has confirmed them (mandatory publishes), noting each as accepted.</summary>
public sealed partial class CallPublisher(
    IPublishEndpoint publishEndpoint, AcceptedCallNotes accepted, IOptions<IngestOptions> options, TimeProvider time, ILogger<CallPublisher> logger)
{
    public async Task PublishAsync(string tenantId, CallRecord record, CancellationToken cancellationToken)
    {
        var message = new CallCaptured(
            DeterministicId.ForCapture(tenantId, record.Id),
            tenantId,
            record.Id,
            record.Agent,
            record.Workload,
            record.StartedAt,
            record.LatencyMs,
            record.Status,
            record.Source,
            record.Request,
            record.Response,
            time.GetUtcNow());

        try
        {
            await publishEndpoint.PublishMandatoryAsync(message, message.CaptureId, options.Value.PublishTimeout, cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && MandatoryPublishExtensions.IsBrokerRefusal(e))
        {
            // The type says what happened; the message could echo transport details, and the body is never logged.
            LogPublishFailed(message.CaptureId, e.GetType().Name);
            throw new BrokerUnavailableException("The message broker did not confirm the call.", e);
        }

        accepted.Note(tenantId, record.Id);
    }

    /// <summary>Publishes many calls, a bounded number awaiting their confirms at once; throws if any was not confirmed.</summary>
    public Task PublishAllAsync(string tenantId, IEnumerable<CallRecord> records, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            records,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.PublishConcurrency, CancellationToken = cancellationToken },
            (record, token) => new ValueTask(PublishAsync(tenantId, record, token)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publish of capture {CaptureId} was not confirmed ({Reason})")]
    private partial void LogPublishFailed(Guid captureId, string reason);
}
