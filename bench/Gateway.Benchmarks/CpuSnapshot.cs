namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// CPU time so far of this process (the load generator), of the upstream and the gateway being measured, and of the
/// whole machine (Linux /proc/stat). On a small machine they all share the cores, so a rate means little without it.
/// </summary>
internal readonly record struct CpuSnapshot(TimeSpan Client, TimeSpan? Upstream, TimeSpan? Gateway, TimeSpan? GatewayJit, MachineCpu Machine)
{
    public static CpuSnapshot Take(ServiceProcess upstream, ServiceProcess? gateway)
    {
        return new CpuSnapshot(
            Environment.CpuUsage.TotalTime, upstream.CpuTime(), gateway?.CpuTime(), gateway?.TieredCompilationCpuTime(), MachineCpu.Read());
    }

    /// <summary>Cores kept busy on average between <paramref name="earlier"/> and this snapshot.</summary>
    public CpuUse Since(CpuSnapshot earlier, TimeSpan elapsed)
    {
        double? upstream = Upstream is { } u && earlier.Upstream is { } u0 ? (u - u0) / elapsed : null;
        double? gateway = Gateway is { } g && earlier.Gateway is { } g0 ? (g - g0) / elapsed : null;
        double? jit = GatewayJit is { } j && earlier.GatewayJit is { } j0 ? Math.Max(0, (j - j0) / elapsed) : null;
        return new CpuUse((Client - earlier.Client) / elapsed, upstream, gateway, jit, Machine.CoresBusySince(earlier.Machine));
    }
}

/// <summary>
/// Average cores busy during a window: the load generator, the upstream, the gateway (when on the path; and of that,
/// its tiered-compilation thread) and the machine; what the machine spent beyond those three is the broker, the
/// database and anything else running.
/// </summary>
internal sealed record CpuUse(double Client, double? Upstream, double? Gateway, double? GatewayJit, double? Machine)
{
    public double? Other => Machine is { } machine ? Math.Max(0, machine - Client - (Upstream ?? 0) - (Gateway ?? 0)) : null;
}
