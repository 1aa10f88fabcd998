namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// A fault: what is done to the platform, for how long, and how it is healed; <see cref="CaptureDiskBytes"/> puts the
/// gateway's capture buffer on a small disk of its own for the fault to fill; <see cref="FilesCalls"/> adds task
/// discovery, and the checker then also wants every stored call filed once.
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
}

internal sealed record FaultContext(FaultPlatform Platform, TestServerControl Servers);
