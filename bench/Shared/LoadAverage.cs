namespace SlmPlatform.Benchmarks;

/// <summary>The one-minute load average (/proc/loadavg): other work on a shared 2-core machine takes cores from training.</summary>
internal static class LoadAverage
{
    private const string Path = "/proc/loadavg";

    public static double? Current() =>
        File.Exists(Path) ? double.Parse(File.ReadAllText(Path).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) : null;

    public static string Read() => Current()?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a";

    /// <summary>Waits until the load is below <paramref name="max"/>, for at most <paramref name="patience"/>; true when it got there.</summary>
    public static async Task<bool> WaitBelowAsync(double max, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        var said = false;
        while (Current() is { } load && load >= max)
        {
            if (DateTime.UtcNow > deadline)
            {
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"  load average still {load:0.00} after {patience.TotalMinutes:0} min; measuring anyway"));
                return false;
            }

            if (!said)
            {
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Waiting for the one-minute load average ({load:0.00}) to fall below {max:0.0}..."));
                said = true;
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }

        return true;
    }
}
