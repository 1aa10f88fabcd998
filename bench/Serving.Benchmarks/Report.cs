namespace SlmPlatform.Serving.Benchmarks;

/// <summary>The Markdown tables: speed beside the raw library in the same run, then cost per call beside the teacher's.</summary>
internal static class Report
{
    public static void Write(TextWriter o, RunFacts facts, IReadOnlyList<ModeResult> results, TeacherCall teacher, ServingBenchmarkOptions options)
    {
        string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        o.WriteLine(F($"Serving benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores, .NET {Environment.Version}; one-minute load average {facts.LoadBefore} before, {facts.LoadAfter} after; {options.Queries} BANKING77 test queries × {options.Rounds} rounds per mode (plus one warm-up round), one call at a time, modes interleaved; GGUF: {facts.Gguf} ({facts.GgufBytes / 1e6:0.0} MB)."));
        o.WriteLine();
        o.WriteLine("| Specialist | Mode | generated tokens/s | ratio to raw | ms per call | tokens per call | CPU ms per call | same answer as raw |");
        o.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var raw = results.First(x => x.Mode.Specialist == r.Mode.Specialist);
            var same = r.Answers.Where((a, i) => Same(a, raw.Answers[i])).Count();
            var tps = r.Mode.Specialist == "generative" ? F($"{r.TokensPerSecond:0}") : "–";
            var ratio = r.Mode.Specialist == "generative" ? F($"{r.TokensPerSecond / raw.TokensPerSecond:0.00}") : F($"{raw.WallMsPerCall / r.WallMsPerCall:0.00} (calls/s)");
            o.WriteLine(F($"| {r.Mode.Specialist} | {r.Mode.Name} | {tps} | {ratio} | {r.WallMsPerCall:0.00} | {(double)r.Tokens / r.Calls:0.0} | {r.CpuMsPerCall:0.00} | {same}/{r.Answers.Count} |"));
        }

        o.WriteLine();
        var teacherUsd = teacher.CostUsd(options);
        o.WriteLine(F($"Cost per call: CPU-seconds × {options.CoreHourUsd:0.000} USD per core-hour, beside a {options.TeacherModel} call (system prompt of {teacher.SystemPromptChars:N0} characters and the query) of {teacher.InputTokens:0} input + {teacher.OutputTokens:0.0} output tokens (o200k_base count; ~4 chars/token would say {teacher.InputTokensByChars:0} + {teacher.OutputTokensByChars:0.0}) at {options.TeacherInputUsdPerMillion:0.00} / {options.TeacherOutputUsdPerMillion:0.00} USD per 1M input / output tokens = {teacherUsd * 1e6:0} µUSD per call."));
        o.WriteLine();
        o.WriteLine("| Specialist | Mode | CPU s per call | µUSD per call | specialist ÷ teacher | calls per teacher call's price |");
        o.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var usd = r.Cpu.TotalSeconds / r.Calls * options.CoreHourUsd / 3600;
            o.WriteLine(F($"| {r.Mode.Specialist} | {r.Mode.Name} | {r.Cpu.TotalSeconds / r.Calls:0.0000} | {usd * 1e6:0.000} | {usd / teacherUsd:0.00000} (1/{teacherUsd / usd:N0}) | {teacherUsd / usd:N0} |"));
        }
    }

    // A head's answer through serving is the label rendered as the teacher's answer; raw, the bare label.
    private static bool Same(string a, string b) => a == b || a.Contains(b, StringComparison.Ordinal);
}

internal sealed record RunFacts(string LoadBefore, string LoadAfter, string Gguf, long GgufBytes);
