namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>
/// CPU time so far of this process, of the ingest service, of the broker and of the whole machine (Linux /proc/stat).
/// On a small machine the load generator, the service and the broker share the cores, so a rate means little without
/// this; and what none of them used is other work, which makes a run suspect.
/// </summary>
internal readonly record struct CpuSnapshot(TimeSpan Benchmark, TimeSpan? Service, TimeSpan? Broker, long MachineBusy, long MachineTotal, int MachineCores)
{
    public static CpuSnapshot Take(Process? service, Process? broker)
    {
        var (busy, total, cores) = ReadMachine();
        return new CpuSnapshot(Environment.CpuUsage.TotalTime, TimeOf(service), TimeOf(broker), busy, total, cores);
    }

    /// <summary>Cores kept busy on average between <paramref name="earlier"/> and this snapshot.</summary>
    public CpuUse Since(CpuSnapshot earlier, TimeSpan elapsed)
    {
        double? service = Service is { } s && earlier.Service is { } s0 ? (s - s0) / elapsed : null;
        double? broker = Broker is { } b && earlier.Broker is { } b0 ? (b - b0) / elapsed : null;
        double? machine = MachineTotal > earlier.MachineTotal
            ? (double)(MachineBusy - earlier.MachineBusy) / (MachineTotal - earlier.MachineTotal) * MachineCores
            : null;
        return new CpuUse((Benchmark - earlier.Benchmark) / elapsed, service, broker, machine);
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

    // The first line of /proc/stat sums every core in clock ticks: user nice system idle iowait irq softirq steal ...
    private static (long Busy, long Total, int Cores) ReadMachine()
    {
        const string path = "/proc/stat";
        if (!File.Exists(path))
        {
            return (0, 0, 0);
        }

        var lines = File.ReadAllLines(path);
        var ticks = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6];
        var cores = lines.Count(l => l.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(l[3]));
        return (busy, ticks.Sum(), cores);
    }
}

/// <summary>Average cores busy during a window: this process, the ingest service and the broker (when known), the machine.</summary>
internal sealed record CpuUse(double Benchmark, double? Service, double? Broker, double? Machine)
{
    /// <summary>What the machine spent on anything else: other people's work, or the database and the kernel.</summary>
    public double? Other => Machine - Benchmark - (Service ?? 0) - (Broker ?? 0);
}
