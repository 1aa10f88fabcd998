using System.Globalization;

namespace SlmPlatform.Benchmarks;

/// <summary>
/// The machine's one-minute load average (Linux /proc/loadavg): other work on a shared machine takes cores from what
/// is measured, so a run reports it at its start and end, and can wait for a quiet machine first.
/// </summary>
public static class LoadAverage
{
    private const string Path = "/proc/loadavg";

    public static double? Current() =>
        File.Exists(Path) ? double.Parse(File.ReadAllText(Path).Split(' ')[0], CultureInfo.InvariantCulture) : null;

    public static string Read() => Current()?.ToString("0.00", CultureInfo.InvariantCulture) ?? "n/a";

    /// <summary>
    /// Waits until the load is below <paramref name="max"/>, for at most <paramref name="patience"/>, saying so on
    /// <paramref name="progress"/> (standard output by default); true when it got there.
    /// </summary>
    public static async Task<bool> WaitBelowAsync(double max, TimeSpan patience, TextWriter? progress = null, CancellationToken cancellationToken = default)
    {
        progress ??= Console.Out;
        var deadline = DateTime.UtcNow + patience;
        var said = false;
        while (Current() is { } load && load >= max)
        {
            if (DateTime.UtcNow > deadline)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  load average still {load:0.00} after {patience.TotalMinutes:0} min; measuring anyway (see the load figures)"));
                return false;
            }

            if (!said)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Waiting for the one-minute load average ({load:0.00}) to fall below {max:0.0}..."));
                said = true;
            }

            await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
        }

        return true;
    }
}
