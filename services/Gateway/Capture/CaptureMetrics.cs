using System.Diagnostics.Metrics;

namespace SlmPlatform.Gateway.Capture;

/// <summary>The capture path's health: how much waits, how late it reaches the bus, and anything lost.</summary>
public sealed class CaptureMetrics
{
    public const string MeterName = "SlmPlatform.Gateway";
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _published;
    private readonly Counter<long> _quarantined;
    private readonly Histogram<double> _publishLag;
    private long _depth;

    public CaptureMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _dropped = meter.CreateCounter<long>("slm.gateway.capture.dropped", description: "Captures dropped because the buffer was full or unwritable.");
        _published = meter.CreateCounter<long>("slm.gateway.capture.published", description: "Captures confirmed by the broker.");
        _quarantined = meter.CreateCounter<long>("slm.gateway.capture.quarantined", description: "Captures the bus refused for their content, set aside so that the rest go on.");
        _publishLag = meter.CreateHistogram<double>("slm.gateway.capture.publish_lag", unit: "ms", description: "Time from a call's end to the broker's confirm of its capture.");
        meter.CreateObservableGauge("slm.gateway.capture.buffer_depth", () => Interlocked.Read(ref _depth), description: "Captures waiting for the bus (memory and disk).");
    }

    public long Depth => Interlocked.Read(ref _depth);

    public void Queued() => Interlocked.Increment(ref _depth);

    public void Dropped(string reason)
    {
        _dropped.Add(1, new KeyValuePair<string, object?>("reason", reason));
    }

    public void DroppedAfterQueue(string reason)
    {
        Interlocked.Decrement(ref _depth);
        Dropped(reason);
    }

    public void Quarantined()
    {
        Interlocked.Decrement(ref _depth);
        _quarantined.Add(1);
    }

    public void Published(int count, IEnumerable<double> lagsMs)
    {
        Interlocked.Add(ref _depth, -count);
        _published.Add(count);
        foreach (var lag in lagsMs)
        {
            _publishLag.Record(lag);
        }
    }

    /// <summary>Captures found on disk at start-up, left by an earlier run.</summary>
    public void Recovered(long count) => Interlocked.Add(ref _depth, count);
}
