using MassTransit;
using Microsoft.Extensions.Options;
using SlmPlatform.Messaging;

namespace SlmPlatform.Gateway.Capture;

/// <summary>
/// Publishes buffered captures in order, a window at a time, and moves the log's checkpoint only after the broker
/// confirmed the whole window. While the bus is away it waits and tries again; a crash between confirm and checkpoint
/// republishes a window, which the scrubber's idempotency turns into no second row.
/// </summary>
public sealed partial class CapturePublisher(
    IBus bus,
    CaptureLog log,
    CaptureSignal signal,
    CaptureMetrics metrics,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<CapturePublisher> logger) : BackgroundService
{
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        metrics.Recovered(log.PendingAtOpen);
        var backoff = TimeSpan.FromMilliseconds(250);
        var buffer = options.Value.CaptureBuffer;
        while (!stoppingToken.IsCancellationRequested)
        {
            var records = log.ReadPending(buffer.PublishWindow);
            if (records.Count == 0)
            {
                await signal.WaitAsync(IdleWait, stoppingToken);
                continue;
            }

            var messages = records.Select(r => r.Plaintext is null ? Undecryptable() : TryReadMessage(r.Plaintext)).ToList();
            var publishable = messages.OfType<CallCaptured>().ToList();
            try
            {
                // The first capture goes alone: after a reconnect it waits for the channel and topology, and the rest
                // of the window, issued together behind it, then leave in the order they were made.
                if (publishable.Count > 0)
                {
                    await bus.PublishMandatoryAsync(publishable[0], publishable[0].CaptureId, buffer.PublishTimeout, stoppingToken);
                }

                await Task.WhenAll(publishable.Skip(1)
                    .Select(m => bus.PublishMandatoryAsync(m, m.CaptureId, buffer.PublishTimeout, stoppingToken)));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Broker refusals are expected during an outage; anything else is logged louder, and retried all the same:
                // an exception escaping a hosted service would stop the gateway.
                if (MandatoryPublishExtensions.IsBrokerRefusal(e))
                {
                    LogRetrying(records.Count, e.GetType().Name, backoff.TotalSeconds);
                }
                else
                {
                    LogUnexpected(e);
                }

                await Task.Delay(backoff, time, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                continue;
            }

            backoff = TimeSpan.FromMilliseconds(250);
            log.Commit(records[^1].Next);
            var now = time.GetUtcNow();
            metrics.Published(publishable.Count, publishable.Select(m => (now - m.CapturedAt).TotalMilliseconds));
            for (var i = publishable.Count; i < records.Count; i++)
            {
                metrics.DroppedAfterQueue("unreadable");
            }
        }
    }

    private CallCaptured? Undecryptable()
    {
        LogUndecryptable();
        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A buffered capture could not be decrypted (was the buffer key changed?) and was skipped")]
    private partial void LogUndecryptable();

    private CallCaptured? TryReadMessage(byte[] plaintext)
    {
        try
        {
            return CaptureRecord.ToMessage(plaintext);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            LogUnreadable(e.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing buffered captures failed unexpectedly; retrying")]
    private partial void LogUnexpected(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A buffered capture could not be read ({Reason}) and was skipped")]
    private partial void LogUnreadable(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bus did not take {Count} captures ({Reason}); retrying in {Seconds} s")]
    private partial void LogRetrying(int count, string reason, double seconds);

}
