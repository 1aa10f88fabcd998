using System.Diagnostics.CodeAnalysis;

namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>The load tools this benchmark has.</summary>
internal enum ClientKind
{
    /// <summary>The lean HTTP/1.1 client on raw sockets (<see cref="RawHttpClient"/>).</summary>
    Raw,

    /// <summary>.NET's HttpClient (<see cref="HttpClientLoad"/>).</summary>
    HttpClient,
}

/// <summary>How long and how hard each path runs; every value has a default, so a bare run is the documented one.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        Usage: SlmPlatform.Gateway.Benchmarks [options]
          --seconds N          measured seconds per path and scenario (default 6)
          --warmup N           warm-up seconds before each, not counted (default 2)
          --prime N            at most N seconds of mixed calls per service first, until its JIT is quiet (default 30; 0: none)
          --concurrency LIST   requests in flight, comma-separated (default 1,64)
          --modes LIST         plain, stream, or both (default plain,stream)
          --client NAME        load tool: raw (own HTTP/1.1 client on sockets, default) or httpclient (.NET HttpClient)
          --max-load X         first wait (at most 10 min) for the one-minute load average to fall below X
          --gateway-env K=V    an extra environment variable for both gateway processes (repeatable)
          --sink-max-length N  x-max-length of the capture sink queue (default 10000)
          --gateway-dll PATH   the built gateway (default: SlmPlatform.Gateway.dll beside this program)
        Needs SLM_TEST_POSTGRES, SLM_TEST_RABBITMQ and SLM_TEST_RABBITMQ_MANAGEMENT (bench/run-gateway-benchmark.sh sets them).
        """;

    public TimeSpan Measured { get; init; } = TimeSpan.FromSeconds(6);

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan Prime { get; init; } = TimeSpan.FromSeconds(30);

    public IReadOnlyList<int> Concurrency { get; init; } = [1, 64];

    public IReadOnlyList<bool> Streams { get; init; } = [false, true];

    public ClientKind Client { get; init; } = ClientKind.Raw;

    public double? MaxLoad { get; init; }

    public IReadOnlyDictionary<string, string> GatewayEnvironment { get; init; } = new Dictionary<string, string>();

    public int SinkMaxLength { get; init; } = 10_000;

    public string GatewayDll { get; init; } = Path.Combine(AppContext.BaseDirectory, "SlmPlatform.Gateway.dll");

    public string ClientName => Client == ClientKind.Raw
        ? "its own closed-loop HTTP/1.1 client on raw sockets (bench/Gateway.Benchmarks/RawHttpClient.cs)"
        : ".NET HttpClient (SocketsHttpHandler), closed loop";

    /// <summary>Reads the command line; false with a null <paramref name="problem"/> means help was asked for.</summary>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchmarkOptions? options, out string? problem)
    {
        var parsed = new BenchmarkOptions();
        var environment = new Dictionary<string, string>();
        options = null;
        problem = null;
        for (var i = 0; i < args.Length && problem is null; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return false;
            }

            if (i + 1 >= args.Length)
            {
                problem = $"{name} needs a value.";
                break;
            }

            var value = args[++i];
            switch (name)
            {
                case "--seconds" or "--warmup" or "--prime" or "--sink-max-length":
                    var least = name == "--prime" ? 0 : 1;
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < least)
                    {
                        problem = $"{name} needs a whole number of at least {least}, not '{value}'.";
                        break;
                    }

                    parsed = name switch
                    {
                        "--seconds" => parsed with { Measured = TimeSpan.FromSeconds(number) },
                        "--warmup" => parsed with { WarmUp = TimeSpan.FromSeconds(number) },
                        "--prime" => parsed with { Prime = TimeSpan.FromSeconds(number) },
                        _ => parsed with { SinkMaxLength = number },
                    };
                    break;
                case "--concurrency":
                    var levels = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var level) && level is > 0 and <= 4096 ? level : 0)
                        .ToArray();
                    if (levels.Length == 0 || levels.Contains(0))
                    {
                        problem = $"--concurrency needs whole numbers from 1 to 4096, comma-separated, not '{value}'.";
                        break;
                    }

                    parsed = parsed with { Concurrency = levels };
                    break;
                case "--modes":
                    var modes = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    if (modes.Length == 0 || modes.Any(m => m is not ("plain" or "stream")))
                    {
                        problem = $"--modes takes plain, stream or both, not '{value}'.";
                        break;
                    }

                    parsed = parsed with { Streams = [.. modes.Distinct().Select(m => m == "stream")] };
                    break;
                case "--client":
                    ClientKind? client = value switch { "raw" => ClientKind.Raw, "httpclient" => ClientKind.HttpClient, _ => null };
                    if (client is null)
                    {
                        problem = $"--client takes raw or httpclient, not '{value}'.";
                        break;
                    }

                    parsed = parsed with { Client = client.Value };
                    break;
                case "--max-load":
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var load) || load <= 0)
                    {
                        problem = $"--max-load needs a number above 0, not '{value}'.";
                        break;
                    }

                    parsed = parsed with { MaxLoad = load };
                    break;
                case "--gateway-env":
                    var equals = value.IndexOf('=', StringComparison.Ordinal);
                    if (equals <= 0)
                    {
                        problem = $"--gateway-env needs NAME=VALUE, not '{value}'.";
                        break;
                    }

                    environment[value[..equals]] = value[(equals + 1)..];
                    break;
                case "--gateway-dll":
                    parsed = parsed with { GatewayDll = Path.GetFullPath(value) };
                    break;
                default:
                    problem = $"Unknown option {name}.";
                    break;
            }
        }

        if (problem is not null)
        {
            return false;
        }

        options = parsed with { GatewayEnvironment = environment };
        return true;
    }
}
