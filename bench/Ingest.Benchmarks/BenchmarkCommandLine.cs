using System.CommandLine;

namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>The benchmark's options, their defaults and their checks: every number is a whole one above 0.</summary>
internal static class BenchmarkCommandLine
{
    private static readonly Option<int> Seconds = HarnessOptions.WholeNumber("--seconds", "measured seconds per mode", 15);

    private static readonly Option<int> WarmUp = HarnessOptions.WholeNumber("--warmup", "warm-up seconds per mode, not counted", 3);

    private static readonly Option<int> ServiceWarmUp = HarnessOptions.WholeNumber("--service-warmup", "seconds of load on the freshly started service before its modes", 20);

    private static readonly Option<int> RawOutstanding = HarnessOptions.WholeNumber("--raw-outstanding", "raw publisher: confirms awaited at once", 256);

    private static readonly Option<int> SingleConcurrency = HarnessOptions.WholeNumber("--single-concurrency", "POST /v1/calls requests in flight", 256);

    private static readonly Option<int> BatchSize = HarnessOptions.WholeNumber("--batch-size", "records per POST /v1/calls/batch", 100);

    private static readonly Option<int> BatchConcurrency = HarnessOptions.WholeNumber("--batch-concurrency", "batch requests in flight", 4);

    private static readonly Option<int> SinkMaxLength = HarnessOptions.WholeNumber("--sink-max-length", "x-max-length of each sink queue", 20_000);

    private static readonly Option<bool> WithoutCache = new("--without-cache")
    {
        Description = "run ingest without its Redis, so without notes of accepted calls (to measure what the notes cost)",
    };

    private static readonly Option<string> IngestDll = HarnessOptions.FullPath(
        "--ingest-dll", "the built service (default: SlmPlatform.Ingest.dll beside this program)");

    public static RootCommand Create() =>
        new("Accepted calls per second through ingest beside a raw RabbitMQ publisher-confirm loop on the same broker.\n" +
            "Needs SLM_TEST_POSTGRES, SLM_TEST_RABBITMQ and SLM_TEST_RABBITMQ_MANAGEMENT (bench/run-ingest-benchmark.sh sets them).")
        {
            Seconds, WarmUp, ServiceWarmUp, RawOutstanding, SingleConcurrency, BatchSize, BatchConcurrency, SinkMaxLength, WithoutCache, IngestDll,
        };

    public static BenchmarkOptions Read(ParseResult parsed) => new()
    {
        Measured = TimeSpan.FromSeconds(parsed.GetValue(Seconds)),
        WarmUp = TimeSpan.FromSeconds(parsed.GetValue(WarmUp)),
        ServiceWarmUp = TimeSpan.FromSeconds(parsed.GetValue(ServiceWarmUp)),
        RawOutstanding = parsed.GetValue(RawOutstanding),
        SingleConcurrency = parsed.GetValue(SingleConcurrency),
        BatchSize = parsed.GetValue(BatchSize),
        BatchConcurrency = parsed.GetValue(BatchConcurrency),
        SinkMaxLength = parsed.GetValue(SinkMaxLength),
        WithoutCache = parsed.GetValue(WithoutCache),
        IngestDll = parsed.GetValue(IngestDll) ?? Path.Combine(AppContext.BaseDirectory, "SlmPlatform.Ingest.dll"),
    };
}
