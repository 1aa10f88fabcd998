namespace SlmPlatform.Reliability.Faults;

/// <summary>A fault: what is done to the platform, for how long, and how it is healed.</summary>
internal sealed record Scenario(
    string Id,
    string Description,
    TimeSpan Hold,
    Func<FaultContext, CancellationToken, Task> InjectAsync,
    Func<FaultContext, CancellationToken, Task> HealAsync);

internal sealed record FaultContext(FaultPlatform Platform, TestServerControl Servers);
