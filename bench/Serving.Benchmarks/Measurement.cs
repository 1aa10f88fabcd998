namespace SlmPlatform.Serving.Benchmarks;

/// <summary>One way of asking a specialist: a query in, its answer and the tokens it generated out.</summary>
internal sealed record Mode(string Name, string Specialist, Func<string, Task<(string Answer, int Tokens)>> Ask);

/// <summary>What one mode did over all measured rounds: calls, generated tokens, wall time, this process's CPU time.</summary>
internal sealed record ModeResult(Mode Mode, int Calls, long Tokens, TimeSpan Wall, TimeSpan Cpu, IReadOnlyList<string> Answers)
{
    public double TokensPerSecond => Tokens / Wall.TotalSeconds;

    public double WallMsPerCall => Wall.TotalMilliseconds / Calls;

    public double CpuMsPerCall => Cpu.TotalMilliseconds / Calls;
}

/// <summary>
/// Runs every mode over the same queries, one call at a time, round after round with the order rotated each round,
/// so that other work on the machine falls on all modes alike; the first round warms up and is not counted.
/// </summary>
internal static class Measurement
{
    public static async Task<IReadOnlyList<ModeResult>> RunAsync(IReadOnlyList<Mode> modes, IReadOnlyList<string> queries, int rounds)
    {
        var wall = new TimeSpan[modes.Count];
        var cpu = new TimeSpan[modes.Count];
        var tokens = new long[modes.Count];
        var answers = modes.Select(_ => new string[queries.Count]).ToArray();
        for (var round = 0; round <= rounds; round++)
        {
            for (var k = 0; k < modes.Count; k++)
            {
                var m = (k + round) % modes.Count;
                var cpuBefore = ProcessCpu();
                var clock = Stopwatch.StartNew();
                long generated = 0;
                for (var q = 0; q < queries.Count; q++)
                {
                    var (answer, count) = await modes[m].Ask(queries[q]);
                    answers[m][q] = answer;
                    generated += count;
                }

                if (round > 0)
                {
                    wall[m] += clock.Elapsed;
                    cpu[m] += ProcessCpu() - cpuBefore;
                    tokens[m] += generated;
                }
            }

            Console.Error.WriteLine($"  round {round}/{rounds} done{(round == 0 ? " (warm-up)" : "")}; load average {LoadAverage.Read()}");
        }

        return [.. modes.Select((mode, i) => new ModeResult(mode, rounds * queries.Count, tokens[i], wall[i], cpu[i], answers[i]))];
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
