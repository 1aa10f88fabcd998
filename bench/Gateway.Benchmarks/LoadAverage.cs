namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// The machine's one-minute load average (Linux /proc/loadavg): other work on a shared machine takes cores from the
/// gateway, the upstream and the load generator alike, so a run reports it and can wait for a quiet machine.
/// </summary>
internal static class LoadAverage
{
    private const string Path = "/proc/loadavg";

    public static string Read() => Current()?.ToString("0.00", CultureInfo.InvariantCulture) ?? "n/a";

    public static double? Current() =>
        File.Exists(Path) ? double.Parse(File.ReadAllText(Path).Split(' ')[0], CultureInfo.InvariantCulture) : null;

    /// <summary>Waits until the load average is below <paramref name="max"/>, for at most <paramref name="patience"/>.</summary>
    public static async Task WaitBelowAsync(double max, TimeSpan patience, TextWriter progress, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(patience.TotalSeconds * Stopwatch.Frequency);
        var said = false;
        while (Current() is { } load && load >= max)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  load average still {load:0.00} after {patience.TotalMinutes:0} min; measuring anyway (see the load figures)"));
                return;
            }

            if (!said)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Waiting for the one-minute load average ({load:0.00}) to fall below {max:0.0}..."));
                said = true;
            }

            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }
    }
}
