using System.ComponentModel.DataAnnotations;

namespace SlmPlatform.Ingest.Model;

/// <summary>Limits and timings of the ingest endpoints (section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string SectionName = "Ingest";

    /// <summary>Largest body accepted by <c>POST /v1/calls</c>.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxCallBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Largest body accepted by <c>POST /v1/calls/batch</c>.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxBatchBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>Most calls in one batch.</summary>
    [Range(1, 100_000)]
    public int MaxBatchItems { get; set; } = 10_000;

    /// <summary>How long a request waits for the broker's confirm before it answers 503.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many calls of one batch wait for their broker confirms at once.</summary>
    [Range(1, 4096)]
    public int PublishConcurrency { get; set; } = 256;

    /// <summary>The Retry-After a 503 suggests.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 5;
}
