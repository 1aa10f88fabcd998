namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// The run as Markdown: a line on the conditions, the peers side by side, one row per path and scenario with what
/// each proxy adds to the direct call, and the issue's goals beside what was reached.
/// </summary>
internal static class ResultTable
{
    public static string ToMarkdown(BenchmarkResults results, BenchmarkOptions options)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Load tool: {options.ClientName}. Each path: {options.WarmUp.TotalSeconds} s warm-up, then {options.Measured.TotalSeconds} s measured; " +
            $"the paths of a scenario run back to back. Request {results.RequestBytes} B; answer {results.CompletionBytes} B, or a stream of " +
            $"{results.StreamEvents} events (TTFT: time to the first `data:` line). Machine: {Environment.ProcessorCount} cores ({CpuModel()}), " +
            $"one-minute load average {results.LoadAtStart} before the measurements (after setup) and {results.LoadAtEnd} at the end (the run's own load); " +
            $"load tool, upstream, proxies, PostgreSQL, Redis and RabbitMQ all share it.");
        text.AppendLine();
        AppendPeerTables(text, results);
        text.AppendLine("| Scenario | Path | Requests/s | p50 ms | p99 ms | Added p50 ms | Added p99 ms | Throughput × direct | Capture on ÷ off | Gateway's own time p50 ms | Last byte p50 ms | CPU cores: client / upstream / proxy (its JIT) / other | Proxy CPU per call: window / all in | Failed |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var scenario in results.Scenarios)
        {
            var direct = Latency(scenario, scenario.Direct.Measurement);
            var captureOff = scenario.Find(PathNames.CaptureOff);
            foreach (var path in scenario.Paths)
            {
                var m = path.Measurement;
                var latency = Latency(scenario, m);
                var isDirect = ReferenceEquals(path, scenario.Direct);
                var capturing = path.Path is PathNames.CaptureOn or PathNames.Routed && captureOff is not null;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {scenario.Name} | {path.Path} | {m.PerSecond:N0} | {Ms(latency.P50)} | {Ms(latency.P99)} | " +
                    $"{(isDirect ? "-" : Signed(latency.P50 - direct.P50))} | {(isDirect ? "-" : Signed(latency.P99 - direct.P99))} | " +
                    $"{(isDirect ? "-" : Ratio(m.PerSecond, scenario.Direct.Measurement.PerSecond))} | " +
                    $"{(capturing ? Ratio(m.PerSecond, captureOff!.Measurement.PerSecond) : "-")} | " +
                    $"{(m.OverheadP50Ms is { } own ? Ms(own) : "-")} | {Ms(m.Total.P50)} | " +
                    $"{Cores(m.Cpu)} | {PerCall(m)} / {Micro(path.AllInCpuPerCallMicroseconds)} | {m.Failed} |");
            }
        }

        AppendGoals(text, results);
        text.AppendLine();
        var captures = results.Captures;
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Captures: {captures.Published?.ToString("N0", CultureInfo.InvariantCulture) ?? "(not readable)"} reached the broker for " +
            $"{captures.Calls:N0} calls completed through the capturing gateways (warm-ups included); after each window the capturing gateway " +
            $"was busy {string.Join(", ", results.Scenarios.Select(s => $"{s.Find(PathNames.CaptureOn)?.Drain?.TotalSeconds:0.0} s"))} more.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Checks: {string.Join("; ", results.Checks)}.");
        foreach (var exit in results.Exits)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"**Exit:** {exit}; it was started again for the next measurement.");
        }

        return text.ToString();
    }

    /// <summary>
    /// Per mode, one row per proxy: what it adds at concurrency 1, what it carries at 16 and 64 (× the upstream
    /// called directly in the same seconds) and its CPU per call — the side-by-side view of the peers.
    /// </summary>
    private static void AppendPeerTables(StringBuilder text, BenchmarkResults results)
    {
        foreach (var mode in results.Scenarios.GroupBy(s => s.Stream))
        {
            var byConcurrency = mode.ToDictionary(s => s.Concurrency);
            var levels = byConcurrency.Keys.Where(c => c > 1).Order().ToList();
            var what = mode.Key ? "TTFT" : "latency";
            text.AppendLine(CultureInfo.InvariantCulture, $"**{(mode.Key ? "Streamed" : "Plain")} calls**, every proxy in front of the same upstream:");
            text.AppendLine();
            text.AppendLine($"| Path | Added p50 {what} c=1 ms | Added p99 {what} c=1 ms | " +
                string.Concat(levels.Select(c => $"Requests/s c={c} (× direct) | p99 {what} c={c} ms | ")) + "CPU per call, last level |");
            text.AppendLine("|---|---:|---:|" + string.Concat(levels.Select(_ => "---:|---:|")) + "---:|");
            foreach (var path in mode.First().Paths.Where(p => p.Path != PathNames.Direct).Select(p => p.Path))
            {
                var row = new StringBuilder().Append(CultureInfo.InvariantCulture, $"| {path} | ");
                if (byConcurrency.TryGetValue(1, out var single) && single.Find(path) is { } one)
                {
                    var direct = Latency(single, single.Direct.Measurement);
                    var latency = Latency(single, one.Measurement);
                    row.Append(CultureInfo.InvariantCulture, $"{Signed(latency.P50 - direct.P50)} | {Signed(latency.P99 - direct.P99)} | ");
                }
                else
                {
                    row.Append("- | - | ");
                }

                PathResult? last = null;
                foreach (var level in levels)
                {
                    var scenario = byConcurrency[level];
                    last = scenario.Find(path);
                    row.Append(last is null
                        ? "- | - | "
                        : string.Create(CultureInfo.InvariantCulture,
                            $"{last.Measurement.PerSecond:N0} ({Ratio(last.Measurement.PerSecond, scenario.Direct.Measurement.PerSecond)}) | {Ms(Latency(scenario, last.Measurement).P99)} | "));
                }

                row.Append(last is null ? "- |" : $"{PerCall(last.Measurement)} |");
                text.AppendLine(row.ToString());
            }

            text.AppendLine();
        }
    }

    private static void AppendGoals(StringBuilder text, BenchmarkResults results)
    {
        // The issue's goals are set for concurrency 1 (latency) and 64 (throughput); other levels have none.
        if (!results.Scenarios.Any(s => s.Concurrency is 1 or 64))
        {
            return;
        }

        text.AppendLine();
        text.AppendLine("| Goal (the issue's) | Reached (gateway as deployed: capture on) | Met |");
        text.AppendLine("|---|---|:---:|");
        foreach (var scenario in results.Scenarios.Where(s => s.Concurrency == 1))
        {
            if (scenario.Find(PathNames.CaptureOn) is not { } on)
            {
                continue;
            }

            var direct = Latency(scenario, scenario.Direct.Measurement);
            var gateway = Latency(scenario, on.Measurement);
            var what = scenario.Stream ? "TTFT" : "latency";
            Goal(text, $"{scenario.Name}: added p50 {what} ≤ 0.3 ms", $"{Ms(gateway.P50 - direct.P50)} ms", gateway.P50 - direct.P50 <= 0.3);
            Goal(text, $"{scenario.Name}: added p99 {what} ≤ 1 ms", $"{Ms(gateway.P99 - direct.P99)} ms", gateway.P99 - direct.P99 <= 1.0);
            if (scenario.Find(PathNames.Portkey) is { } portkey)
            {
                var peer = Latency(scenario, portkey.Measurement);
                Goal(text, $"{scenario.Name}: added p50 {what} below Portkey's", $"{Ms(gateway.P50 - direct.P50)} vs {Ms(peer.P50 - direct.P50)} ms", gateway.P50 < peer.P50);
                Goal(text, $"{scenario.Name}: added p99 {what} below Portkey's", $"{Ms(gateway.P99 - direct.P99)} vs {Ms(peer.P99 - direct.P99)} ms", gateway.P99 < peer.P99);
            }
        }

        foreach (var scenario in results.Scenarios.Where(s => s.Concurrency == 64))
        {
            if (scenario.Find(PathNames.CaptureOn) is not { } on || scenario.Find(PathNames.CaptureOff) is not { } off)
            {
                continue;
            }

            var direct = scenario.Direct.Measurement.PerSecond;
            var gateway = on.Measurement.PerSecond;
            var relay = off.Measurement.PerSecond;
            Goal(text, $"{scenario.Name}: throughput ≥ 0.45 × the upstream's own", $"{gateway / direct:0.00} × ({gateway:N0} of {direct:N0}/s)", gateway >= 0.45 * direct);
            Goal(text, $"{scenario.Name}: throughput ≥ 5,000 requests/s", $"{gateway:N0}/s", gateway >= 5000);
            Goal(text, $"{scenario.Name}: capture costs ≤ 10% of throughput", $"{1 - gateway / relay:+0.0%;-0.0%} ({gateway:N0} on vs {relay:N0}/s off)", gateway >= 0.90 * relay);
            if (on.AllInCpuPerCallMicroseconds is { } onCpu && off.AllInCpuPerCallMicroseconds is { } offCpu)
            {
                Goal(text, $"{scenario.Name}: the same, by the gateway's CPU per call, capture's after-window work included", $"{onCpu / offCpu - 1:+0.0%;-0.0%} ({onCpu:N0} vs {offCpu:N0} µs)", onCpu <= offCpu / 0.90);
            }

            if (scenario.Find(PathNames.Portkey) is { } portkey)
            {
                var peer = portkey.Measurement.PerSecond;
                Goal(text, $"{scenario.Name}: throughput with capture on above Portkey's", $"{gateway:N0} vs {peer:N0}/s", gateway > peer);
            }
        }
    }

    private static LatencySummary Latency(ScenarioResult scenario, Measurement measurement) =>
        scenario.Stream ? measurement.FirstData : measurement.Total;

    private static void Goal(StringBuilder text, string goal, string reached, bool met) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {goal} | {reached} | {(met ? "yes" : "**no**")} |");

    // NaN: no call completed in the window (the gateway was down).
    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("0.000", CultureInfo.InvariantCulture);

    private static string Signed(double value) =>
        double.IsNaN(value) ? "-" : value.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);

    private static string Ratio(double value, double baseline) =>
        baseline > 0 ? (value / baseline).ToString("0.00", CultureInfo.InvariantCulture) : "-";

    // The gateway's CPU time per completed call: steadier than a rate when other work shares the machine.
    private static string PerCall(Measurement m) => m.Cpu.Gateway is { } gateway && m.Completed > 0
        ? Micro(gateway * 1_000_000 / m.PerSecond)
        : "-";

    private static string Micro(double? microseconds) =>
        microseconds is { } value ? string.Create(CultureInfo.InvariantCulture, $"{value:N0} µs") : "-";

    private static string Cores(CpuUse cpu) => string.Create(CultureInfo.InvariantCulture,
        $"{cpu.Client:0.00} / {cpu.Upstream ?? 0:0.00} / " +
        $"{(cpu.Gateway is { } gateway ? string.Create(CultureInfo.InvariantCulture, $"{gateway:0.00} (JIT {cpu.GatewayJit ?? 0:0.00})") : "-")} / " +
        $"{(cpu.Other is { } other ? other.ToString("0.00", CultureInfo.InvariantCulture) : "-")}");

    private static string CpuModel()
    {
        const string path = "/proc/cpuinfo";
        var line = File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim() ?? "CPU model unknown";
    }
}
