namespace SlmPlatform.Gateway.Capture;

/// <summary>
/// Captures the bus refused for what they are, not for an outage (a serializer limit, a bug): kept out of the way of
/// the rest, encrypted like the buffer, counted, and expired after the configured retention so that no raw call
/// stays for ever.
/// </summary>
public sealed partial class CaptureQuarantine(CaptureLog log, CaptureMetrics metrics, TimeProvider time, TimeSpan retention, ILogger<CaptureQuarantine> logger)
    : IDisposable
{
    /// <summary>The quarantine's folder inside the buffer's.</summary>
    public const string DirectoryName = "quarantine";

    /// <summary>Moves one buffered capture here; the caller then moves the buffer's checkpoint past it.</summary>
    public void Add(byte[] plaintext, Guid captureId, string reason)
    {
        log.ExpireSegmentsWrittenBefore(time.GetUtcNow().UtcDateTime - retention);
        if (log.TryAppend(plaintext))
        {
            metrics.Quarantined();
            LogQuarantined(captureId, reason);
        }
        else
        {
            metrics.DroppedAfterQueue("quarantine_full");
            LogQuarantineFull(captureId, reason);
        }
    }

    public void Dispose() => log.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Capture {CaptureId} could not be published ({Reason}) and was quarantined; the captures behind it go on")]
    private partial void LogQuarantined(Guid captureId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Capture {CaptureId} could not be published ({Reason}) and the quarantine could not keep it (full, or the disk refused): it was dropped")]
    private partial void LogQuarantineFull(Guid captureId, string reason);
}
