using Microsoft.Extensions.Options;

namespace SlmPlatform.Gateway.Capture;

/// <summary>
/// Moves captures from the memory queue to the encrypted disk log, a batch at a time, then wakes the publisher. A
/// capture the disk will not take (the buffer at its limit, a full or failing disk) is dropped and counted, and the
/// gateway goes on answering agents: the call matters more than its record.
/// </summary>
public sealed partial class CaptureSpooler(
    CaptureQueue queue,
    CaptureLog log,
    CaptureSignal signal,
    CaptureMetrics metrics,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<CaptureSpooler> logger)
    : BackgroundService
{
    private const int MaxBatch = 512;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingCapture>(MaxBatch);
        try
        {
            while (await WaitForCapturesAsync(stoppingToken))
            {
                while (queue.Reader.TryRead(out var capture))
                {
                    batch.Add(capture);
                    if (batch.Count == MaxBatch)
                    {
                        Spool(batch);
                    }
                }

                Spool(batch);
                signal.Notify();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still in memory is spooled below.
        }

        while (queue.Reader.TryRead(out var capture))
        {
            batch.Add(capture);
        }

        Spool(batch);
    }

    /// <summary>
    /// Waits for the next capture; when the gateway falls quiet with writes the disk has not yet kept, it asks the
    /// disk to keep them, so that the last captures before a lull do not wait on the next busy moment to be safe.
    /// </summary>
    private async Task<bool> WaitForCapturesAsync(CancellationToken stoppingToken)
    {
        var waiting = queue.Reader.WaitToReadAsync(stoppingToken).AsTask();
        if (!waiting.IsCompleted && options.Value.CaptureBuffer.SyncEvery is { } syncEvery && log.HasUnsyncedWrites
            && await Task.WhenAny(waiting, Task.Delay(syncEvery, time, stoppingToken)) != waiting)
        {
            log.Sync();
        }

        return await waiting;
    }

    private void Spool(List<PendingCapture> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        var records = new List<byte[]>(batch.Count);
        var spooled = new List<PendingCapture>(batch.Count);
        foreach (var capture in batch)
        {
            try
            {
                records.Add(CaptureRecord.Serialize(capture, now));
                spooled.Add(capture);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One capture that cannot be written is dropped and counted; an exception escaping would stop the gateway.
                metrics.DroppedAfterQueue("unwritable");
                LogUnserializable(capture.CallId, e.GetType().Name);
            }
        }

        var outcomes = log.Append(records);
        for (var i = 0; i < spooled.Count; i++)
        {
            switch (outcomes[i])
            {
                case AppendOutcome.Full:
                    metrics.DroppedAfterQueue("buffer_full");
                    LogBufferFull(spooled[i].CallId);
                    break;
                case AppendOutcome.Unwritable:
                    metrics.DroppedAfterQueue("unwritable");
                    LogUnwritable(spooled[i].CallId);
                    break;
            }
        }

        batch.Clear();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Capture buffer full: call {CallId} was not captured")]
    private partial void LogBufferFull(string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Capture of call {CallId} could not be buffered ({Reason})")]
    private partial void LogUnserializable(string callId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "The disk refused the capture buffer's write (full or failing): call {CallId} was not captured")]
    private partial void LogUnwritable(string callId);
}
