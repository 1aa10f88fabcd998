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

/// <summary>
/// A process's resident memory, and of it the anonymous part (heaps, managed and native: what a leak grows; the rest
/// is mapped files, the assemblies), and its open file descriptors.
/// </summary>
internal sealed record ProcessResources(long ResidentKilobytes, long AnonymousKilobytes, int FileDescriptors)
{
    public static ProcessResources Read(int pid)
    {
        var status = File.ReadLines($"/proc/{pid}/status").ToList();
        return new ProcessResources(Kilobytes(status, "VmRSS:"), Kilobytes(status, "RssAnon:"), Directory.GetFileSystemEntries($"/proc/{pid}/fd").Length);
    }

    private static long Kilobytes(List<string> status, string field) =>
        status.Where(line => line.StartsWith(field, StringComparison.Ordinal))
            .Select(line => long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture))
            .FirstOrDefault();
}
