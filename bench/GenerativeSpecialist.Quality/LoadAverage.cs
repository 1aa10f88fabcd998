using System.Globalization;

namespace SlmPlatform.GenerativeSpecialist.Quality;

/// <summary>The one-minute load average (/proc/loadavg): on a shared 2-core machine other work takes cores from training.</summary>
internal static class LoadAverage
{
    private const string Path = "/proc/loadavg";

    public static double? Current() =>
        File.Exists(Path) ? double.Parse(File.ReadAllText(Path).Split(' ')[0], CultureInfo.InvariantCulture) : null;

    public static string Read() => Current()?.ToString("0.00", CultureInfo.InvariantCulture) ?? "n/a";

    /// <summary>Polls until the load is below <paramref name="max"/>; false when <paramref name="patience"/> ran out first.</summary>
    public static async Task<bool> WaitBelowAsync(double max, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (Current() is { } load && load >= max)
        {
            if (DateTime.UtcNow > deadline)
            {
                Console.WriteLine($"  load average still {load:0.00} after {patience.TotalMinutes:0} min; measuring anyway");
                return false;
            }

            Console.WriteLine($"  load average {load:0.00}; waiting for < {max:0.0}");
            await Task.Delay(TimeSpan.FromSeconds(15));
        }

        return true;
    }
}
