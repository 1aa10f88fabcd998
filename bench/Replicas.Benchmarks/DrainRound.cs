using Npgsql;
using SlmPlatform.Testing;

namespace SlmPlatform.Replicas.Benchmarks;

/// <summary>
/// One round on fresh databases and a fresh virtual host: ingest queues the calls while no scrubber runs, then the
/// replicas start together and drain the queue; the rate is read from the calls table as it fills.
/// </summary>
internal static class DrainRound
{
    private const string TenantId = "tenant-replicas-benchmark";
    private const int BatchesInFlight = 4;
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(10);

    public static async Task<RoundResult> RunAsync(int replicas, BenchmarkOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var platformDb = await TestDatabase.CreateAsync("platformdb", cancellationToken);
        var callsDb = await TestDatabase.CreateAsync("callsdb", cancellationToken);
        var messaging = await TestVirtualHost.CreateAsync(cancellationToken);
        var apiKey = await TestApiKeys.CreateAsync(platformDb, TenantId, cancellationToken);
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["ConnectionStrings__platformdb"] = platformDb,
            ["ConnectionStrings__callsdb"] = callsDb,
            ["ConnectionStrings__messaging"] = messaging,
            ["Platform__ServiceKey"] = "replicas-benchmark-service-key-0123456789",
            ["Scrubbing__SurrogateKey"] = "replicas-benchmark-surrogate-key-0123456789",
            ["RateLimits__PermitsPerSecond"] = "0",
        };

        // The scrubber declares its queue and bindings; once they exist, ingest's calls wait there for the replicas.
        await (await ServiceProcess.StartAsync("scrubber", options.Scrubber, environment, cancellationToken)).DisposeAsync();
        await QueueAsync(options, environment, apiKey, cancellationToken);
        var queued = await TestVirtualHost.QueueDepthAsync(messaging, "scrubber", cancellationToken);
        if (queued != options.CallCount)
        {
            throw new InvalidOperationException($"{queued} calls are queued, not {options.CallCount}.");
        }

        progress.WriteLine($"  {replicas} replica(s) draining {options.CallCount:N0} calls...");
        var started = await Task.WhenAll(Enumerable.Range(1, replicas).Select(i =>
            ServiceProcess.StartAsync($"scrubber {i}", options.Scrubber, environment, cancellationToken)));
        try
        {
            return await MeasureAsync(started, callsDb, options.CallCount, cancellationToken);
        }
        finally
        {
            foreach (var replica in started)
            {
                await replica.DisposeAsync();
            }
        }
    }

    private static async Task QueueAsync(BenchmarkOptions options, Dictionary<string, string?> environment, string apiKey, CancellationToken cancellationToken)
    {
        await using var ingest = await ServiceProcess.StartAsync("ingest", options.Ingest, environment, cancellationToken);
        using var http = new HttpClient { BaseAddress = ingest.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        var run = Guid.NewGuid().ToString("N")[..8];
        var batches = (options.CallCount + CallBatches.Size - 1) / CallBatches.Size;
        await Parallel.ForAsync(0, batches, new ParallelOptions { MaxDegreeOfParallelism = BatchesInFlight, CancellationToken = cancellationToken }, async (batch, token) =>
        {
            using var response = await http.PostAsync(new Uri("/v1/calls/batch", UriKind.Relative), CallBatches.Batch(run, batch), token);
            if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"Ingest answered {(int)response.StatusCode} to batch {batch}: {await response.Content.ReadAsStringAsync(token)}");
            }
        });
    }

    /// <summary>Samples the stored count, and each replica's CPU, until everything is stored; measures from 5 % to 95 %.</summary>
    private static async Task<RoundResult> MeasureAsync(ServiceProcess[] replicas, string callsDb, int total, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(callsDb);
        await connection.OpenAsync(cancellationToken);
        await using var count = new NpgsqlCommand("select count(*) from calls", connection);

        Sample? first = null;
        Sample? last = null;
        var deadline = Stopwatch.GetTimestamp() + (long)(DrainTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var stored = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            var sample = new Sample(Stopwatch.GetTimestamp(), stored, [.. replicas.Select(r => r.CpuTime() ?? TimeSpan.Zero)], MachineCpu.Read());
            first ??= stored >= total * 0.05 ? sample : null;
            if (stored >= total * 0.95)
            {
                last = sample;
                break;
            }

            await Task.Delay(SampleEvery, cancellationToken);
        }

        if (first is null || last is null)
        {
            throw new TimeoutException($"The replicas did not store 95 % of {total} calls within {DrainTimeout.TotalMinutes} minutes.");
        }

        if (last.Stored - first.Stored < total / 2)
        {
            throw new InvalidOperationException(
                $"The replicas stored most of the {total} calls between two samples ({SampleEvery.TotalMilliseconds} ms apart): too few to measure; queue more (--calls).");
        }

        var elapsed = Stopwatch.GetElapsedTime(first.Timestamp, last.Timestamp);
        return new RoundResult(
            replicas.Length,
            (last.Stored - first.Stored) / elapsed.TotalSeconds,
            [.. last.Cpu.Zip(first.Cpu, (a, b) => (a - b) / elapsed)],
            last.Machine.CoresBusySince(first.Machine),
            (int)(last.Stored - first.Stored));
    }

    private sealed record Sample(long Timestamp, long Stored, TimeSpan[] Cpu, MachineCpu Machine);
}
