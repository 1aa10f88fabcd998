namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// What the services hold at one moment of the soak: each one's resident memory and open file descriptors (Linux
/// /proc), and the messages in the queues they consume.
/// </summary>
internal sealed record ResourceSample(TimeSpan At, IReadOnlyDictionary<string, ProcessResources> Services, long Queued)
{
    public static async Task<ResourceSample> TakeAsync(FaultPlatform platform, TimeSpan at, CancellationToken cancellationToken) =>
        new(
            at,
            platform.Running.ToDictionary(service => service.Name, service => ProcessResources.Read(service.Process.Id)),
            await Checker.ConsumedQueuesAsync(platform, cancellationToken));
}

internal sealed record ProcessResources(long ResidentKilobytes, int FileDescriptors)
{
    public static ProcessResources Read(int pid)
    {
        var resident = File.ReadLines($"/proc/{pid}/status")
            .Where(line => line.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture))
            .FirstOrDefault();
        return new ProcessResources(resident, Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length);
    }
}
