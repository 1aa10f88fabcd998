namespace SlmPlatform.Routing.Benchmarks;

/// <summary>The Markdown table: each case per call, and as a ratio to the request parse measured in the same run.</summary>
internal static class RoutingReport
{
    public static void Write(TextWriter output, IReadOnlyList<CaseResult> results, RoutingBenchmarkOptions options, int bodyBytes, string loadBefore, string loadAfter)
    {
        var baseline = results[0];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Routing decision per call, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores, .NET {Environment.Version}; " +
            $"one-minute load average {loadBefore} before, {loadAfter} after; BANKING77 router calls of {bodyBytes:N0} B; " +
            $"{options.Rounds} interleaved rounds × {options.Calls} calls per case (plus one warm-up round), one call at a time."));
        output.WriteLine();
        output.WriteLine("| Case | Role | p50 µs | p99 µs | mean µs | p50 ÷ parse p50 | mean ÷ parse mean |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Role} | {r.P50:0.0} | {r.P99:0.0} | {r.Mean:0.0} | {r.P50 / baseline.P50:0.00} | {r.Mean / baseline.Mean:0.00} |"));
        }
    }
}
