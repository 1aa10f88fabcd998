namespace SlmPlatform.Gateway.Capture;

/// <summary>Moves captures from the memory queue to the encrypted disk log, then wakes the publisher.</summary>
public sealed partial class CaptureSpooler(
    CaptureQueue queue, CaptureLog log, CaptureSignal signal, CaptureMetrics metrics, TimeProvider time, ILogger<CaptureSpooler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (queue.Reader.TryRead(out var capture))
                {
                    Spool(capture);
                }

                log.Flush();
                signal.Notify();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is still in memory is spooled below.
        }

        while (queue.Reader.TryRead(out var capture))
        {
            Spool(capture);
        }

        log.Flush();
    }

    private void Spool(PendingCapture capture)
    {
        try
        {
            if (!log.TryAppend(CaptureRecord.Serialize(capture, time.GetUtcNow())))
            {
                metrics.DroppedAfterQueue("buffer_full");
                LogBufferFull(capture.CallId);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // One capture that cannot be written is dropped and counted; an exception escaping would stop the gateway.
            metrics.DroppedAfterQueue("unwritable");
            LogUnwritable(capture.CallId, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Capture buffer full: call {CallId} was not captured")]
    private partial void LogBufferFull(string callId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Capture of call {CallId} could not be buffered ({Reason})")]
    private partial void LogUnwritable(string callId, string reason);
}
