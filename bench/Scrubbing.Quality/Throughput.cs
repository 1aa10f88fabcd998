using System.Diagnostics;

namespace SlmPlatform.Scrubbing.Quality;

/// <summary>MB/s of one scanner over one corpus, on the calling thread.</summary>
internal sealed record ThroughputResult(string Corpus, string Scanner, long Bytes, double CpuSeconds, double WallSeconds, long Found)
{
    /// <summary>Megabytes (10^6 bytes of UTF-8) per second of this process's CPU time: per core, whatever else runs.</summary>
    public double MegabytesPerCpuSecond => Bytes / 1e6 / CpuSeconds;

    public double MegabytesPerWallSecond => Bytes / 1e6 / WallSeconds;
}

internal static partial class Throughput
{
    /// <summary>
    /// Runs <paramref name="scan"/> over the texts until its speed is steady (two half-second rounds within 5 % of each
    /// other, after at least 2 s and at most 20 s: tiered JIT and dynamic PGO), then in passes until
    /// <paramref name="minSeconds"/> passed.
    /// </summary>
    public static ThroughputResult Measure(string corpus, string scanner, IReadOnlyList<string> texts, Func<string, int> scan, double minSeconds)
    {
        var bytesPerPass = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        long found = 0;
        var warmUp = Stopwatch.StartNew();
        var previousRate = 0.0;
        while (true)
        {
            var round = Stopwatch.StartNew();
            var roundPasses = 0;
            do
            {
                foreach (var text in texts)
                {
                    found += scan(text);
                }

                roundPasses++;
            }
            while (round.Elapsed.TotalSeconds < 0.5);

            var rate = roundPasses / round.Elapsed.TotalSeconds;
            var steady = Math.Abs(rate - previousRate) <= 0.05 * rate;
            if (warmUp.Elapsed.TotalSeconds >= 20 || (steady && warmUp.Elapsed.TotalSeconds >= 2))
            {
                break;
            }

            previousRate = rate;
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        long bytes = 0;
        found = 0;
        do
        {
            foreach (var text in texts)
            {
                found += scan(text);
            }

            bytes += bytesPerPass;
        }
        while (wall.Elapsed.TotalSeconds < minSeconds);

        wall.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        var passes = bytes / bytesPerPass;
        return new ThroughputResult(corpus, scanner, bytes, cpu, wall.Elapsed.TotalSeconds, found / passes);
    }

    /// <summary>The baseline: the e-mail recognizer's pattern alone, source-generated, counting matches.</summary>
    public static int CountEmails(string text) => EmailPattern().Count(text);

    // The same pattern as EmailRecognizer's, copied so that the baseline pays for nothing else.
    [GeneratedRegex(
        @"(?<![\w.%+-])[\w%+-]+(?:\.[\w%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}(?![\w-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
