namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>
/// The machine's one-minute load average (Linux /proc/loadavg), reported at the start and end of a run: other work on
/// a shared machine takes cores from the broker, the service and the load generator alike.
/// </summary>
internal static class LoadAverage
{
    public static string Read()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? File.ReadAllText(path).Split(' ')[0] : "n/a";
    }
}
