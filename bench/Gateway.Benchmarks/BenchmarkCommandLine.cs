using System.CommandLine;
using System.CommandLine.Parsing;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>The benchmark's options, their defaults and their checks.</summary>
internal static class BenchmarkCommandLine
{
    private static readonly Option<int> Seconds = HarnessOptions.WholeNumber("--seconds", "measured seconds per path and scenario", 6);

    private static readonly Option<int> WarmUp = HarnessOptions.WholeNumber("--warmup", "warm-up seconds before each, not counted", 2);

    private static readonly Option<int> Prime = HarnessOptions.WholeNumber(
        "--prime", "at most N seconds of mixed calls per service first, until its JIT is quiet (0: none)", 30, least: 0);

    // Lists are read as typed, so that help shows their defaults as they are written ("1,64", not "1|64").
    private static readonly Option<string> Concurrency = new("--concurrency")
    {
        Description = "requests in flight, comma-separated, each 1 to 4096",
        HelpName = "LIST",
        DefaultValueFactory = _ => "1,16,64",
        Validators = { result => Check(result, Levels, value => $"--concurrency needs whole numbers from 1 to 4096, comma-separated, not '{value}'.") },
    };

    private static readonly Option<string> Modes = new("--modes")
    {
        Description = "plain, stream, or both, comma-separated",
        HelpName = "LIST",
        DefaultValueFactory = _ => "plain,stream",
        Validators = { result => Check(result, Streams, value => $"--modes takes plain, stream or both, not '{value}'.") },
    };

    private static readonly Option<string> Client = CreateClient();

    private static readonly Option<double?> MaxLoad = new("--max-load")
    {
        Description = "first wait (at most 10 min) for the one-minute load average to fall below X",
        HelpName = "X",
        CustomParser = ParseMaxLoad,
    };

    private static readonly Option<Dictionary<string, string>> GatewayEnvironment = new("--gateway-env")
    {
        Description = "an extra environment variable for every gateway process (repeatable)",
        HelpName = "K=V",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = ParseEnvironment,
    };

    private static readonly Option<int> SinkMaxLength = HarnessOptions.WholeNumber("--sink-max-length", "x-max-length of the capture sink queue", 10_000);

    private static readonly Option<string> GatewayDll = HarnessOptions.FullPath(
        "--gateway-dll", "the built gateway (default: SlmPlatform.Gateway.dll beside this program)");

    private static readonly Option<string> Portkey = HarnessOptions.FullPath(
        "--portkey", "a folder where @portkey-ai/gateway is installed (npm install --prefix DIR); without it, Portkey's path is left out");

    private static readonly Option<bool> Wrk = new("--wrk")
    {
        Description = "also call the upstream directly with Debian's wrk after each plain direct measurement (a check of the load tool)",
    };

    private static readonly Option<int> Routes = HarnessOptions.WholeNumber(
        "--routes", "routes for other tasks in the routing table of the third gateway (0: no such gateway; needs SLM_TEST_REDIS)", 200, least: 0);

    public static RootCommand Create() =>
        new("What the gateway adds to a call of a local upstream made directly: latency and requests per second.\n" +
            "Needs SLM_TEST_POSTGRES, SLM_TEST_RABBITMQ and SLM_TEST_RABBITMQ_MANAGEMENT (bench/run-gateway-benchmark.sh sets them).")
        {
            Seconds, WarmUp, Prime, Concurrency, Modes, Client, MaxLoad, GatewayEnvironment, SinkMaxLength, GatewayDll, Portkey, Routes, Wrk,
        };

    public static BenchmarkOptions Read(ParseResult parsed) => new()
    {
        Measured = TimeSpan.FromSeconds(parsed.GetValue(Seconds)),
        WarmUp = TimeSpan.FromSeconds(parsed.GetValue(WarmUp)),
        Prime = TimeSpan.FromSeconds(parsed.GetValue(Prime)),
        Concurrency = Levels(parsed.GetValue(Concurrency)!)!,
        Streams = Streams(parsed.GetValue(Modes)!)!,
        Client = parsed.GetValue(Client) == "httpclient" ? ClientKind.HttpClient : ClientKind.Raw,
        MaxLoad = parsed.GetValue(MaxLoad),
        GatewayEnvironment = parsed.GetValue(GatewayEnvironment) ?? new Dictionary<string, string>(),
        SinkMaxLength = parsed.GetValue(SinkMaxLength),
        GatewayDll = parsed.GetValue(GatewayDll) ?? Path.Combine(AppContext.BaseDirectory, "SlmPlatform.Gateway.dll"),
        PortkeyFolder = parsed.GetValue(Portkey),
        OtherTaskRoutes = parsed.GetValue(Routes),
        CrossCheckWithWrk = parsed.GetValue(Wrk),
    };

    private static Option<string> CreateClient()
    {
        var client = new Option<string>("--client")
        {
            Description = "load tool: raw (own HTTP/1.1 client on sockets) or httpclient (.NET HttpClient)",
            DefaultValueFactory = _ => "raw",
        };
        client.AcceptOnlyFromAmong("raw", "httpclient");
        return client;
    }

    private static void Check(OptionResult result, Func<string, object?> read, Func<string, string> problem)
    {
        var value = result.GetValueOrDefault<string>();
        if (read(value) is null)
        {
            result.AddError(problem(value));
        }
    }

    private static int[]? Levels(string value)
    {
        var levels = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is > 0 and <= 4096 ? level : 0)
            .ToArray();
        return levels.Length == 0 || levels.Contains(0) ? null : levels;
    }

    private static bool[]? Streams(string value)
    {
        var modes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return modes.Length == 0 || modes.Any(m => m is not ("plain" or "stream")) ? null : [.. modes.Distinct().Select(m => m == "stream")];
    }

    private static double? ParseMaxLoad(ArgumentResult result)
    {
        var value = result.Tokens[^1].Value;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) && load > 0)
        {
            return load;
        }

        result.AddError($"--max-load needs a number above 0, not '{value}'.");
        return null;
    }

    // Each --gateway-env adds one token; a later one for the same name wins, as a shell's environment does.
    private static Dictionary<string, string> ParseEnvironment(ArgumentResult result)
    {
        var environment = new Dictionary<string, string>();
        foreach (var value in result.Tokens.Select(t => t.Value))
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                result.AddError($"--gateway-env needs NAME=VALUE, not '{value}'.");
                continue;
            }

            environment[value[..equals]] = value[(equals + 1)..];
        }

        return environment;
    }
}
