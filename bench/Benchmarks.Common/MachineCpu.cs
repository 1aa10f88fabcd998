using System.Globalization;

namespace SlmPlatform.Benchmarks;

/// <summary>
/// The whole machine's CPU time so far (Linux /proc/stat, in clock ticks) and its cores: on a small machine the load
/// generator, the service measured and its servers share the cores, so a rate means little without it.
/// </summary>
public readonly record struct MachineCpu(long Busy, long Total, int Cores)
{
    public static MachineCpu Read()
    {
        const string path = "/proc/stat";
        if (!File.Exists(path))
        {
            return default;
        }

        // The first line sums every core: user nice system idle iowait irq softirq steal ...
        var lines = File.ReadAllLines(path);
        var ticks = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(t => long.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var busy = ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6];
        var cores = lines.Count(l => l.StartsWith("cpu", StringComparison.Ordinal) && char.IsAsciiDigit(l[3]));
        return new MachineCpu(busy, ticks.Sum(), cores);
    }

    /// <summary>Cores kept busy on average since <paramref name="earlier"/>; null when nothing can be said.</summary>
    public double? CoresBusySince(MachineCpu earlier) =>
        Total > earlier.Total ? (double)(Busy - earlier.Busy) / (Total - earlier.Total) * Cores : null;
}
