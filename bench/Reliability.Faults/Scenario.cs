namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// A fault: what is done to the platform, for how long, and how it is healed; <see cref="CaptureDiskBytes"/> puts the
/// gateway's capture buffer on a small disk of its own for the fault to fill; <see cref="FilesCalls"/> adds task
/// discovery, and the checker then also wants every stored call filed once; <see cref="Serves"/> adds serving with a
/// specialist trained for the gateway's call site and routed in full, so that the gateway's calls go to it;
/// <see cref="Trains"/> adds training with a fine-tune running when the fault strikes, which must end trained once.
/// </summary>
internal sealed record Scenario(
    string Id,
    string Description,
    TimeSpan Hold,
    Func<FaultContext, CancellationToken, Task> InjectAsync,
    Func<FaultContext, CancellationToken, Task> HealAsync)
{
    public long? CaptureDiskBytes { get; init; }

    public bool FilesCalls { get; init; }

    public bool Serves { get; init; }

    public bool Trains { get; init; }
}

/// <summary>What a fault acts on: the platform, the servers, and the load itself (for faults that travel in the calls).</summary>
internal sealed record FaultContext(FaultPlatform Platform, TestServerControl Servers, CheckedLoad Load);
