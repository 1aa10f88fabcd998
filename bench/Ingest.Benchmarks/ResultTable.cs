namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>The run as Markdown: a line on the conditions, then one row per mode with its ratio to the raw baseline.</summary>
internal static class ResultTable
{
    public static string ToMarkdown(BenchmarkResults results, BenchmarkOptions options)
    {
        var raw = results.Modes[0].Measurement.PerSecond;
        var text = new StringBuilder();
        var cache = options.WithoutCache ? ", without its Redis (no notes of accepted calls)." : " and its Redis (each accepted call noted there).";
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Each mode: {options.WarmUp.TotalSeconds} s warm-up, then {options.Measured.TotalSeconds} s measured; the service had " +
            $"{options.ServiceWarmUp.TotalSeconds} s of load before its modes{cache} " +
            $"Call record: {results.RecordBytes} B; the message ingest publishes for it (MassTransit envelope): " +
            $"{(results.IngestMessageBytes is { } bytes ? $"{bytes} B" : "not sampled")}. Machine: {Environment.ProcessorCount} cores, " +
            $"one-minute load average {results.LoadAtStart} at the start and {results.LoadAtEnd} at the end (which counts the run's own load). " +
            $"\"Other\" CPU is work outside the benchmark, the service and the broker (PostgreSQL, the kernel, other people's work): near 0 on a quiet machine.");
        text.AppendLine();
        text.AppendLine("| Mode | Accepted/s | Ratio to raw | Not accepted | CPU cores: benchmark / ingest / broker / other | Publisher CPU per message | Settings |");
        text.AppendLine("|---|---:|---:|---:|---|---:|---|");
        foreach (var mode in results.Modes)
        {
            var m = mode.Measurement;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {mode.Mode} | {m.PerSecond:N0} | {m.PerSecond / raw:0.00} | {m.FailedOperations} | {Cpu(m.Cpu)} | {PerCall(m)} | {mode.Settings} |");
        }

        return text.ToString();
    }

    // CPU time of whatever publishes (the ingest service, or this process for the raw modes) per accepted message:
    // steadier than a rate when other work shares the machine.
    private static string PerCall(Measurement m) => m.Accepted > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{(m.Cpu.Service ?? m.Cpu.Benchmark) * 1_000_000 / m.PerSecond:N0} µs")
        : "-";

    private static string Cpu(CpuUse cpu) =>
        $"{Cores(cpu.Benchmark)} / {Cores(cpu.Service)} / {Cores(cpu.Broker)} / {Cores(cpu.Other)}";

    private static string Cores(double? cores) => cores is { } value ? value.ToString("0.00", CultureInfo.InvariantCulture) : "-";
}
