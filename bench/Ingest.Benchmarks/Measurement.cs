namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>What a mode did inside its measured window.</summary>
internal sealed record Measurement(
    long Accepted,
    long FailedOperations,
    TimeSpan Elapsed,
    CpuUse Cpu,
    IReadOnlyDictionary<string, long> Failures)
{
    public double PerSecond => Accepted / Elapsed.TotalSeconds;
}
