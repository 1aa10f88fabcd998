using MassTransit;
using Microsoft.Extensions.Options;

namespace SlmPlatform.Ingest.Infrastructure;

/// <summary>
/// Puts captured calls on the bus and returns only once RabbitMQ has confirmed them. Publishes are mandatory: a
/// message that no queue would take comes back as an error instead of vanishing, so nothing accepted is dropped.
/// </summary>
public sealed partial class CallPublisher(IPublishEndpoint publishEndpoint, IOptions<IngestOptions> options, TimeProvider time, ILogger<CallPublisher> logger)
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

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        try
        {
            await publishEndpoint.Publish(message, context =>
            {
                context.MessageId = message.CaptureId;
                if (context.TryGetPayload(out RabbitMqSendContext? rabbit))
                {
                    rabbit.Mandatory = true;
                }
            }, timeout.Token);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is OperationCanceledException or MessageReturnedException or MessageNotAcknowledgedException or MassTransitException or RabbitMQ.Client.Exceptions.RabbitMQClientException)
        {
            // The type says what happened; the message could echo transport details, and the body is never logged.
            LogPublishFailed(message.CaptureId, e.GetType().Name);
            throw new BrokerUnavailableException("The message broker did not confirm the call.", e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publish of capture {CaptureId} was not confirmed ({Reason})")]
    private partial void LogPublishFailed(Guid captureId, string reason);
}
