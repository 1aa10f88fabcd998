using SlmPlatform.Testing;

namespace SlmPlatform.Ingest.Benchmarks;

/// <summary>
/// One run on one broker: sets up a virtual host, a platform database with an API key and the sink queues; measures
/// the raw publisher; starts the ingest service and measures single calls and batches against it; then measures the
/// raw publisher again with the very bytes ingest published, to separate the cost of the bigger message from the
/// cost of the service.
/// </summary>
internal static class BenchmarkRun
{
    private const string TenantId = "tenant-benchmark";

    public static async Task<BenchmarkResults> RunAsync(BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var loadAtStart = LoadAverage.Read();
        progress.WriteLine("Setting up a virtual host, a platform database with an API key, and the sink queues...");
        var messaging = await TestVirtualHost.CreateAsync(cancellationToken);
        var platformDb = await TestDatabase.CreateAsync("platformdb", cancellationToken);
        var apiKey = await TestApiKeys.CreateAsync(platformDb, TenantId, cancellationToken);
        await BenchmarkSinks.DeclareAsync(messaging, options.SinkMaxLength, cancellationToken);
        using var broker = BrokerProcess.Find(TestServers.RabbitMQ);
        var record = CallRecords.One();
        var modes = new List<ModeResult>();

        // The baseline runs before the service starts, so that an idle service does not share its cores.
        modes.Add(await MeasureRawAsync(
            "Raw RabbitMQ.Client publish + confirm", messaging, record, options, new CpuProbe(null, broker), progress, cancellationToken));

        progress.WriteLine($"Starting the ingest service ({options.IngestDll})...");
        await using (var ingest = await ServiceProcess.StartAsync("ingest", options.IngestDll, IngestEnvironment(platformDb, messaging, options.WithoutCache), cancellationToken))
        {
            modes.AddRange(await MeasureIngestAsync(ingest, apiKey, options, new CpuProbe(ingest.Process, broker), progress, cancellationToken));
        }

        var published = await BenchmarkSinks.SampleIngestMessageAsync(messaging, cancellationToken);
        if (published is not null)
        {
            modes.Add(await MeasureRawAsync(
                "Raw publish + confirm of ingest's message bytes", messaging, published, options, new CpuProbe(null, broker), progress, cancellationToken));
        }

        return new BenchmarkResults(modes, record.Length, published?.Length, loadAtStart, LoadAverage.Read());
    }

    /// <summary>The ingest service as deployed (Production settings, warnings-only logging, its cache), on this run's servers.</summary>
    private static Dictionary<string, string?> IngestEnvironment(string platformDb, string messaging, bool withoutCache) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["ConnectionStrings__platformdb"] = platformDb,
        ["ConnectionStrings__messaging"] = messaging,
        // As the AppHost runs it: each accepted call is also noted in Redis for the calls API.
        ["ConnectionStrings__cache"] = withoutCache ? null : TestServers.Redis,
        ["Logging__LogLevel__Default"] = "Warning",
        // One tenant sends everything: the per-tenant limit would measure itself, not ingest.
        ["RateLimits__PermitsPerSecond"] = "0",
    };

    private static async Task<ModeResult> MeasureRawAsync(
        string mode, string messaging, byte[] body, BenchmarkOptions options, CpuProbe cpu, TextWriter progress, CancellationToken cancellationToken)
    {
        await using var raw = await RawPublisher.ConnectAsync(messaging, body, cancellationToken);
        return await MeasureAsync(
            mode,
            $"{options.RawOutstanding} confirms outstanding; persistent, mandatory; {body.Length} B body",
            options.RawOutstanding, raw.PublishAsync, options, cpu, progress, cancellationToken);
    }

    private static async Task<ModeResult[]> MeasureIngestAsync(
        ServiceProcess ingest, string apiKey, BenchmarkOptions options, CpuProbe cpu, TextWriter progress, CancellationToken cancellationToken)
    {
        progress.WriteLine($"Warming the service up: {options.ServiceWarmUp.TotalSeconds} s of single calls and batches at once, not counted...");
        using (var singles = IngestLoad.Create(ingest.BaseAddress, apiKey, options.SingleConcurrency))
        using (var batches = IngestLoad.Create(ingest.BaseAddress, apiKey, options.BatchConcurrency))
        {
            await Task.WhenAll(
                ThroughputMeter.DriveAsync(options.SingleConcurrency, singles.PostOneAsync, options.ServiceWarmUp, cancellationToken),
                ThroughputMeter.DriveAsync(options.BatchConcurrency, token => batches.PostBatchAsync(options.BatchSize, token), options.ServiceWarmUp, cancellationToken));
        }

        ModeResult single, batch;
        using (var load = IngestLoad.Create(ingest.BaseAddress, apiKey, options.SingleConcurrency))
        {
            single = await MeasureAsync(
                "Ingest `POST /v1/calls`",
                $"{options.SingleConcurrency} requests in flight; one {CallRecords.RecordBytes} B record each",
                options.SingleConcurrency, load.PostOneAsync, options, cpu, progress, cancellationToken);
        }

        using (var load = IngestLoad.Create(ingest.BaseAddress, apiKey, options.BatchConcurrency))
        {
            batch = await MeasureAsync(
                "Ingest `POST /v1/calls/batch`",
                $"{options.BatchConcurrency} requests in flight; {options.BatchSize} records each (JSON array)",
                options.BatchConcurrency, token => load.PostBatchAsync(options.BatchSize, token), options, cpu, progress, cancellationToken);
        }

        if (single.Measurement.FailedOperations > 0 || batch.Measurement.FailedOperations > 0)
        {
            progress.WriteLine($"The ingest service's last output:{Environment.NewLine}{ingest.RecentOutput}");
        }

        return [single, batch];
    }

    private static async Task<ModeResult> MeasureAsync(
        string mode,
        string settings,
        int workers,
        Func<CancellationToken, Task<Outcome>> operation,
        BenchmarkOptions options,
        CpuProbe cpu,
        TextWriter progress,
        CancellationToken cancellationToken)
    {
        progress.WriteLine($"{mode}: {settings}; {options.WarmUp.TotalSeconds} s warm-up, {options.Measured.TotalSeconds} s measured...");
        var measurement = await ThroughputMeter.RunAsync(workers, operation, options, cpu, cancellationToken);
        progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {measurement.PerSecond:N0}/s, {measurement.FailedOperations} operations not accepted"));
        foreach (var (reason, count) in measurement.Failures)
        {
            progress.WriteLine($"  not accepted over the whole mode: {count} x {reason}");
        }

        return new ModeResult(mode, measurement, settings);
    }
}
