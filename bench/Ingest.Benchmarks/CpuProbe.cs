namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>The processes whose CPU a mode reports besides this one: the ingest service (if running) and the broker.</summary>
internal sealed record CpuProbe(Process? Service, Process? Broker)
{
    public CpuSnapshot Take() => CpuSnapshot.Take(Service, Broker);
}
