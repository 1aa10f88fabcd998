using MassTransit;
using Microsoft.Extensions.Options;
using SlmPlatform.Messaging;

namespace SlmPlatform.Gateway.Capture;

/// <summary>
/// Publishes buffered captures in order, a window at a time, and moves the log's checkpoint only after the broker
/// confirmed the whole window. While the bus is away it waits and tries again; a crash between confirm and checkpoint
/// republishes a window, which the scrubber's idempotency turns into no second row. A capture the bus refuses for its
/// content goes to the <see cref="CaptureQuarantine"/> instead of blocking the captures behind it.
/// </summary>
public sealed partial class CapturePublisher(
    IBus bus,
    CaptureLog log,
    CaptureQuarantine quarantine,
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
            var failure = await TryPublishWindowAsync(messages.OfType<CallCaptured>().ToList(), buffer.PublishTimeout, stoppingToken);
            var quarantined = 0;
            if (failure is not null && !MandatoryPublishExtensions.IsBrokerRefusal(failure))
            {
                // Not an outage: something in the window cannot be published. One at a time, the culprits are set
                // aside and the rest go on, so one capture never holds up every agent's.
                LogUnexpected(failure.GetType().Name);
                (failure, quarantined) = await PublishEachOrQuarantineAsync(records, messages, buffer.PublishTimeout, stoppingToken);
            }

            if (failure is not null)
            {
                // Broker refusals are expected during an outage: what is left of the window is tried again, and anything
                // that did reach the broker meanwhile is stored once thanks to the scrubber's idempotency.
                LogRetrying(records.Count, failure.GetType().Name, backoff.TotalSeconds);
                await Task.Delay(backoff, time, stoppingToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                continue;
            }

            backoff = TimeSpan.FromMilliseconds(250);
            Settle(records, messages, records.Count, quarantined);
        }
    }

    /// <summary>
    /// Moves the checkpoint past the first <paramref name="count"/> records, each published, quarantined or unreadable
    /// (a null message; quarantined ones are counted where they were set aside), and counts them.
    /// </summary>
    private void Settle(List<LogRecord> records, List<CallCaptured?> messages, int count, int quarantined = 0)
    {
        log.Commit(records[count - 1].Next);
        var now = time.GetUtcNow();
        var published = messages.Take(count).OfType<CallCaptured>().ToList();
        metrics.Published(published.Count, published.Select(m => (now - m.CapturedAt).TotalMilliseconds));
        for (var i = published.Count + quarantined; i < count; i++)
        {
            metrics.DroppedAfterQueue("unreadable");
        }
    }

    /// <summary>Publishes a window, the first capture alone; returns what went wrong, or null when all were confirmed.</summary>
    private async Task<Exception?> TryPublishWindowAsync(List<CallCaptured> window, TimeSpan timeout, CancellationToken stoppingToken)
    {
        try
        {
            // The first capture goes alone: after a reconnect it waits for the channel and topology, and the rest
            // of the window, issued together behind it, then leave in the order they were made.
            if (window.Count > 0)
            {
                await bus.PublishMandatoryAsync(window[0], window[0].CaptureId, timeout, stoppingToken);
            }

            await Task.WhenAll(window.Skip(1).Select(m => bus.PublishMandatoryAsync(m, m.CaptureId, timeout, stoppingToken)));
            return null;
        }
        catch (Exception e) when (!stoppingToken.IsCancellationRequested)
        {
            // An exception escaping a hosted service would stop the gateway.
            return e;
        }
    }

    /// <summary>
    /// Publishes the window's captures one by one, moving each that the bus refuses for what it is to the quarantine
    /// (its entry in <paramref name="messages"/> becomes null), and returns how many it moved; on a broker refusal it
    /// settles what came before, so that nothing is quarantined twice, and returns the refusal.
    /// </summary>
    private async Task<(Exception? Refusal, int Quarantined)> PublishEachOrQuarantineAsync(List<LogRecord> records, List<CallCaptured?> messages, TimeSpan timeout, CancellationToken stoppingToken)
    {
        var quarantined = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i] is not { } message
                || await TryPublishWindowAsync([message], timeout, stoppingToken) is not { } failure)
            {
                continue;
            }

            if (MandatoryPublishExtensions.IsBrokerRefusal(failure))
            {
                if (quarantined > 0)
                {
                    Settle(records, messages, i, quarantined);
                }

                return (failure, 0);
            }

            quarantine.Add(records[i].Plaintext!, message.CaptureId, failure.GetType().Name);
            messages[i] = null;
            quarantined++;
        }

        return (null, quarantined);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Publishing buffered captures failed for another reason than an outage ({Reason}); publishing them one by one")]
    private partial void LogUnexpected(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "A buffered capture could not be read ({Reason}) and was skipped")]
    private partial void LogUnreadable(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bus did not take {Count} captures ({Reason}); retrying in {Seconds} s")]
    private partial void LogRetrying(int count, string reason, double seconds);

}
