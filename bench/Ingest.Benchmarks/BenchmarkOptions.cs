using System.Diagnostics.CodeAnalysis;

namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>How long and how hard each mode runs; every value has a default, so a bare run is the documented one.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        Usage: SlmPlatform.Ingest.Benchmarks [options]
          --seconds N              measured seconds per mode (default 15)
          --warmup N               warm-up seconds per mode, not counted (default 3)
          --service-warmup N       seconds of load on the freshly started service before its modes (default 20)
          --raw-outstanding N      raw publisher: confirms awaited at once (default 256)
          --single-concurrency N   POST /v1/calls requests in flight (default 256)
          --batch-size N           records per POST /v1/calls/batch (default 100)
          --batch-concurrency N    batch requests in flight (default 4)
          --sink-max-length N      x-max-length of each sink queue (default 20000)
          --ingest-dll PATH        the built service (default: SlmPlatform.Ingest.dll beside this program)
        Needs SLM_TEST_POSTGRES, SLM_TEST_RABBITMQ and SLM_TEST_RABBITMQ_MANAGEMENT (bench/run-ingest-benchmark.sh sets them).
        """;

    public TimeSpan Measured { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Load on the freshly started service before it is measured, so that the JIT has finished tiering its hot paths
    /// up: a profile showed JIT and tiering work still running 10 s into the load.
    /// </summary>
    public TimeSpan ServiceWarmUp { get; init; } = TimeSpan.FromSeconds(20);

    public int RawOutstanding { get; init; } = 256;

    public int SingleConcurrency { get; init; } = 256;

    public int BatchSize { get; init; } = 100;

    public int BatchConcurrency { get; init; } = 4;

    public int SinkMaxLength { get; init; } = 20_000;

    public string IngestDll { get; init; } = Path.Combine(AppContext.BaseDirectory, "SlmPlatform.Ingest.dll");

    /// <summary>Reads the command line; false with a null <paramref name="problem"/> means help was asked for.</summary>
    public static bool TryParse(string[] args, [NotNullWhen(true)] out BenchmarkOptions? options, out string? problem)
    {
        var parsed = new BenchmarkOptions();
        options = null;
        problem = null;
        for (var i = 0; i < args.Length; i++)
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
            if (name == "--ingest-dll")
            {
                parsed = parsed with { IngestDll = Path.GetFullPath(value) };
                continue;
            }

            if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                problem = $"{name} needs a whole number above 0, not '{value}'.";
                break;
            }

            BenchmarkOptions? next = name switch
            {
                "--seconds" => parsed with { Measured = TimeSpan.FromSeconds(number) },
                "--warmup" => parsed with { WarmUp = TimeSpan.FromSeconds(number) },
                "--service-warmup" => parsed with { ServiceWarmUp = TimeSpan.FromSeconds(number) },
                "--raw-outstanding" => parsed with { RawOutstanding = number },
                "--single-concurrency" => parsed with { SingleConcurrency = number },
                "--batch-size" => parsed with { BatchSize = number },
                "--batch-concurrency" => parsed with { BatchConcurrency = number },
                "--sink-max-length" => parsed with { SinkMaxLength = number },
                _ => null,
            };
            if (next is null)
            {
                problem = $"Unknown option {name}.";
                break;
            }

            parsed = next;
        }

        if (problem is not null)
        {
            return false;
        }

        options = parsed;
        return true;
    }
}
