using System.CommandLine;

namespace SlmPlatform.Routing.Benchmarks;

/// <summary>Command-line options: interleaved rounds, calls per case per round, the Redis to use, the shared data.</summary>
internal sealed record RoutingBenchmarkOptions(int Rounds, int Calls, string? Redis, string? Data)
{
    private static readonly Option<int> RoundsOption = HarnessOptions.Number("--rounds", "N", "interleaved rounds of every case, after one warm-up round", 20);

    private static readonly Option<int> CallsOption = HarnessOptions.Number("--calls", "N", "calls per case in each round", 500);

    // No DefaultValueFactory: help would print the variable's value, and a Redis connection string holds its password.
    private static readonly Option<string> RedisOption = new("--redis")
    {
        Description = "Redis connection, HOST:PORT,password=… (default: $SLM_TEST_REDIS)",
        HelpName = "CONNECTION",
    };

    private static readonly Option<string> DataOption = HarnessOptions.SharedData();

    /// <summary>Reads the command line; null when it asked for help or was wrong, which has been written, with the exit code to end with.</summary>
    public static RoutingBenchmarkOptions? Parse(string[] args, out int exitCode)
    {
        var command = new RootCommand("What the gateway's routing decision costs per call, beside the request parse it does anyway.\n" +
            "Without a Redis or BANKING77 it exits 0 saying why; bench/run-routing-benchmark.sh starts a throw-away Redis.")
        {
            RoundsOption, CallsOption, RedisOption, DataOption,
        };
        return command.TryParse(args, out var parsed, out exitCode) ? Read(parsed) : null;
    }

    private static RoutingBenchmarkOptions Read(ParseResult parsed) => new(
        parsed.GetValue(RoundsOption),
        parsed.GetValue(CallsOption),
        parsed.GetValue(RedisOption) ?? Environment.GetEnvironmentVariable("SLM_TEST_REDIS"),
        parsed.GetValue(DataOption));
}
