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
    /// <summary>Runs <paramref name="scan"/> over the texts as long as it will be measured (at least 2 s) to warm up (tiered JIT, PGO), then in passes until <paramref name="minSeconds"/> passed.</summary>
    public static ThroughputResult Measure(string corpus, string scanner, IReadOnlyList<string> texts, Func<string, int> scan, double minSeconds)
    {
        var bytesPerPass = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        long found = 0;
        var warmUp = Stopwatch.StartNew();
        do
        {
            foreach (var text in texts)
            {
                found += scan(text);
            }
        }
        while (warmUp.Elapsed.TotalSeconds < Math.Max(2, minSeconds));

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
