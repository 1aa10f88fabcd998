namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>
/// CPU time so far of this process, of the ingest service, of the broker and of the whole machine (Linux /proc/stat).
/// On a small machine the load generator, the service and the broker share the cores, so a rate means little without
/// this; and what none of them used is other work, which makes a run suspect.
/// </summary>
internal readonly record struct CpuSnapshot(TimeSpan Benchmark, TimeSpan? Service, TimeSpan? Broker, MachineCpu Machine)
{
    public static CpuSnapshot Take(Process? service, Process? broker)
    {
        return new CpuSnapshot(Environment.CpuUsage.TotalTime, TimeOf(service), TimeOf(broker), MachineCpu.Read());
    }

    /// <summary>Cores kept busy on average between <paramref name="earlier"/> and this snapshot.</summary>
    public CpuUse Since(CpuSnapshot earlier, TimeSpan elapsed)
    {
        double? service = Service is { } s && earlier.Service is { } s0 ? (s - s0) / elapsed : null;
        double? broker = Broker is { } b && earlier.Broker is { } b0 ? (b - b0) / elapsed : null;
        return new CpuUse((Benchmark - earlier.Benchmark) / elapsed, service, broker, Machine.CoresBusySince(earlier.Machine));
    }

    private static TimeSpan? TimeOf(Process? process)
    {
        if (process is null || process.HasExited)
        {
            return null;
        }

        process.Refresh();
        return process.TotalProcessorTime;
    }
}

/// <summary>Average cores busy during a window: this process, the ingest service and the broker (when known), the machine.</summary>
internal sealed record CpuUse(double Benchmark, double? Service, double? Broker, double? Machine)
{
    /// <summary>What the machine spent on anything else: other people's work, or the database and the kernel.</summary>
    public double? Other => Machine - Benchmark - (Service ?? 0) - (Broker ?? 0);
}
