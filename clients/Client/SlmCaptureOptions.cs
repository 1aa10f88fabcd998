namespace SlmPlatform.Client;

/// <summary>Where and how <see cref="SlmCaptureChatClient"/> ships recorded calls.</summary>
public sealed class SlmCaptureOptions
{
    /// <summary>The ingest service's base address (locally <c>http://localhost:5101</c>).</summary>
    public Uri IngestEndpoint { get; set; } = new("http://localhost:5101");

    /// <summary>The platform API key; it decides the tenant the calls belong to.</summary>
    public string ApiKey { get; set; } = string.Empty;

    /// <summary>The agent making the calls.</summary>
    public string Agent { get; set; } = "default";

    /// <summary>The call site's tag, when the agent has one per step (optional).</summary>
    public string? Workload { get; set; }

    /// <summary>Calls waiting to be shipped; beyond this, new ones are dropped (and counted), never blocking the agent.</summary>
    public int MaxQueueLength { get; set; } = 10_000;

    /// <summary>Most calls in one request to ingest.</summary>
    public int MaxBatchSize { get; set; } = 100;

    /// <summary>How long a call may wait for companions before its batch is sent.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a batch is retried (with growing pauses) while ingest is unreachable or busy, before it is dropped.</summary>
    public int MaxAttempts { get; set; } = 8;
}
