using System.Net.Http.Headers;
using Npgsql;
using SlmPlatform.Testing;

namespace SlmPlatform.TaskDiscovery.Quality.Filing;

/// <summary>
/// Task discovery's filing rate, end to end through the service: ingest and the scrubber fill the task-discovery
/// queue with scrubbed calls while the tasks service is stopped; then it starts and files them (call site, embedding,
/// vector, topic, row), and the rate is read from its table as it fills. Beside it, in the same process and run, raw
/// ONNX Runtime embeds the very texts it embedded.
/// </summary>
internal static class FilingRun
{
    private const string TenantId = "tenant-filing-benchmark";
    private const string Queue = "task-discovery";
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    public static async Task<FilingResult> RunAsync(FilingOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var platformDb = await TestDatabase.CreateAsync("platformdb", cancellationToken);
        var callsDb = await TestDatabase.CreateAsync("callsdb", cancellationToken);
        var tasksDb = await TestDatabase.CreateAsync("tasksdb", cancellationToken);
        var messaging = await TestVirtualHost.CreateAsync(cancellationToken);
        var apiKey = await TestApiKeys.CreateAsync(platformDb, TenantId, cancellationToken);
        var vectors = Directory.CreateTempSubdirectory("slm-filing-vectors-");
        try
        {
            var environment = new Dictionary<string, string?>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["ConnectionStrings__platformdb"] = platformDb,
                ["ConnectionStrings__callsdb"] = callsDb,
                ["ConnectionStrings__tasksdb"] = tasksDb,
                ["ConnectionStrings__messaging"] = messaging,
                ["ConnectionStrings__cache"] = TestServers.Redis,
                ["VectorStore__Provider"] = options.VectorStore,
                ["VectorStore__Path"] = vectors.FullName,
                ["Platform__ServiceKey"] = "filing-benchmark-service-key-0123456789",
                ["Routing__PromptKey"] = "filing-benchmark-prompt-key-0123456789",
                ["Scrubbing__SurrogateKey"] = "filing-benchmark-surrogate-key-0123456789",
                ["RateLimits__PermitsPerSecond"] = "0",
            };

            // The tasks service declares its queue and bindings; once they exist, scrubbed calls wait there for it.
            await (await ServiceProcess.StartAsync("tasks", options.Tasks, environment, cancellationToken)).DisposeAsync();
            progress.WriteLine($"  queueing {options.Calls:N0} scrubbed calls for task discovery (ingest, then the scrubber)...");
            await FillQueueAsync(options, environment, apiKey, messaging, cancellationToken);

            progress.WriteLine($"  {options.TasksReplicas} replica(s) of the tasks service file them ({options.VectorStore} vector store)...");
            var replicas = new List<ServiceProcess>();
            Drain drain;
            string[] texts;
            try
            {
                for (var replica = 0; replica < options.TasksReplicas; replica++)
                {
                    replicas.Add(await ServiceProcess.StartAsync($"tasks-{replica + 1}", options.Tasks, environment, cancellationToken));
                }

                drain = await MeasureAsync(replicas, tasksDb, options.Calls, cancellationToken);
                texts = await EmbeddedTextsAsync(tasksDb, options.Calls, cancellationToken);
            }
            finally
            {
                foreach (var replica in replicas)
                {
                    await replica.DisposeAsync();
                }
            }

            progress.WriteLine($"  raw ONNX Runtime on the same {texts.Length:N0} texts...");
            using var raw = new RawOnnxBaseline();
            raw.Embed(texts[..Math.Min(64, texts.Length)], 32);
            var batched = Rate(texts.Length, () => raw.Embed(texts, 32));
            var single = Rate(texts.Length / 4, () => raw.Embed(texts[..(texts.Length / 4)], 1));
            return new FilingResult(options, drain, batched, single);
        }
        finally
        {
            vectors.Delete(recursive: true);
        }
    }

    private static async Task FillQueueAsync(FilingOptions options, Dictionary<string, string?> environment, string apiKey, string messaging, CancellationToken cancellationToken)
    {
        await using var scrubber = await ServiceProcess.StartAsync("scrubber", options.Scrubber, environment, cancellationToken);
        await using (var ingest = await ServiceProcess.StartAsync("ingest", options.Ingest, environment, cancellationToken))
        {
            using var http = new HttpClient { BaseAddress = ingest.BaseAddress };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
            var run = Guid.NewGuid().ToString("N")[..8];
            var batches = (options.Calls + FilingCalls.BatchSize - 1) / FilingCalls.BatchSize;
            await Parallel.ForAsync(0, batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (batch, token) =>
            {
                using var response = await http.PostAsync(new Uri("/v1/calls/batch", UriKind.Relative), FilingCalls.Batch(run, batch), token);
                if (response.StatusCode != System.Net.HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"Ingest answered {(int)response.StatusCode} to batch {batch}: {await response.Content.ReadAsStringAsync(token)}");
                }
            });
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
        var calls = batchesTotal(options.Calls);
        while (await TestVirtualHost.QueueDepthAsync(messaging, Queue, cancellationToken) < calls)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"The scrubber did not queue {calls} calls for task discovery within {Timeout.TotalMinutes} minutes.");
            }

            await Task.Delay(500, cancellationToken);
        }

        static int batchesTotal(int calls) => (calls + FilingCalls.BatchSize - 1) / FilingCalls.BatchSize * FilingCalls.BatchSize;
    }

    /// <summary>
    /// Samples the filed count and the replicas' CPU until everything is filed; measures from 5 % to 95 %, and the
    /// second half (50 % to 95 %) apart: by then the fresh processes have compiled their hot paths.
    /// </summary>
    private static async Task<Drain> MeasureAsync(IReadOnlyList<ServiceProcess> replicas, string tasksDb, int total, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(tasksDb);
        await connection.OpenAsync(cancellationToken);
        await using var count = new NpgsqlCommand("select count(*) from task_calls", connection);
        (long At, long Filed, TimeSpan Cpu, MachineCpu Machine)? first = null;
        (long At, long Filed, TimeSpan Cpu, MachineCpu Machine)? half = null;
        var deadline = Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var filed = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
            var sample = (At: Stopwatch.GetTimestamp(), Filed: filed, Cpu: replicas.Aggregate(TimeSpan.Zero, (sum, r) => sum + (r.CpuTime() ?? TimeSpan.Zero)), Machine: MachineCpu.Read());
            first ??= filed >= total * 0.05 ? sample : null;
            half ??= filed >= total * 0.5 ? sample : null;
            if (filed >= total * 0.95 && first is { } start && half is { } middle)
            {
                var elapsed = Stopwatch.GetElapsedTime(start.At, sample.At);
                var warm = Stopwatch.GetElapsedTime(middle.At, sample.At);
                return new Drain(
                    (sample.Filed - start.Filed) / elapsed.TotalSeconds,
                    (sample.Cpu - start.Cpu) / elapsed,
                    sample.Machine.CoresBusySince(start.Machine) ?? double.NaN,
                    (sample.Filed - middle.Filed) / warm.TotalSeconds);
            }

            await Task.Delay(SampleEvery, cancellationToken);
        }

        throw new TimeoutException($"The tasks service did not file 95 % of {total} calls within {Timeout.TotalMinutes} minutes.");
    }

    /// <summary>The texts the service embedded, once it has filed every call.</summary>
    private static async Task<string[]> EmbeddedTextsAsync(string tasksDb, int total, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(tasksDb);
        await connection.OpenAsync(cancellationToken);
        await using (var count = new NpgsqlCommand("select count(*) from task_calls", connection))
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(Timeout.TotalSeconds * Stopwatch.Frequency);
            while ((long)(await count.ExecuteScalarAsync(cancellationToken))! < total && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(SampleEvery, cancellationToken);
            }
        }

        await using var command = new NpgsqlCommand("select request_text from task_calls where request_text is not null order by started_at, call_id", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var texts = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            texts.Add(reader.GetString(0));
        }

        return [.. texts];
    }

    private static double Rate(int count, Action run)
    {
        var watch = Stopwatch.StartNew();
        run();
        return count / watch.Elapsed.TotalSeconds;
    }
}

/// <summary>
/// Calls filed per second through the service (with the cores it and the machine used), beside raw ONNX Runtime's
/// embeddings per second on the same texts, in batches of 32 and one at a time.
/// </summary>
internal sealed record FilingResult(FilingOptions Options, Drain Drain, double RawBatchedPerSecond, double RawSinglePerSecond)
{
    private string Service => Options.TasksReplicas == 1 ? $"tasks service ({Options.VectorStore} vectors)" : $"{Options.TasksReplicas} tasks replicas ({Options.VectorStore} vectors)";

    public string ToMarkdown() => string.Create(CultureInfo.InvariantCulture, $"""
        | path | per second | × raw ONNX Runtime, batches of 32 |
        | --- | ---: | ---: |
        | {Service}: calls filed (embedded, stored, assigned), 5 % → 95 % of {Options.Calls:N0} | {Drain.PerSecond:N0} | {Drain.PerSecond / RawBatchedPerSecond:0.00} |
        | the same, second half only (50 % → 95 %: the fresh process has compiled its hot paths) | {Drain.WarmPerSecond:N0} | {Drain.WarmPerSecond / RawBatchedPerSecond:0.00} |
        | raw ONNX Runtime, batches of 32, same texts | {RawBatchedPerSecond:N0} | 1.00 |
        | raw ONNX Runtime, one text at a time, same texts | {RawSinglePerSecond:N0} | {RawSinglePerSecond / RawBatchedPerSecond:0.00} |

        The {Service} used {Drain.Cores:0.00} cores while filing (the machine {Drain.MachineCores:0.00} of {Environment.ProcessorCount}).
        """);
}

/// <summary>The drain's rate and the cores used over 5 % → 95 %, and its rate over the second half.</summary>
internal sealed record Drain(double PerSecond, double Cores, double MachineCores, double WarmPerSecond);
