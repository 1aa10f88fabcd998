using MassTransit;
using System.Text.RegularExpressions;
using CallPublisher = SlmPlatform.Ingest.Infrastructure.CallPublisher;
using CallStore = SlmPlatform.Scrubber.Infrastructure.CallStore;
using TaskStore = SlmPlatform.TaskDiscovery.Infrastructure.TaskStore;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>
/// Two task-discovery replicas on one queue, one database and one vector store (PostgreSQL), both re-clustering on a
/// one-second schedule, under a stream of calls from three agents; one replica loses the broker mid-stream as it would
/// when killed (its deliveries unacknowledged). Every call is filed once, with one vector and one topic assignment,
/// each agent is one task, no task is re-clustered by both replicas on one due state, and nothing reaches the error queue.
/// </summary>
public sealed partial class ReplicaTests
{
    private const string Tenant = "tenant-tasks-replicas";
    private const int Batches = 12;
    private const int CallsPerBatch = 100;
    private const int Calls = Batches * CallsPerBatch;
    private const double Growth = 0.2;
    private static readonly string[] Agents = ["shop", "bank", "travel"];
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoReplicas_OneLostMidStream_FileEveryCallOnce_AndClusterEachStateOnce()
    {
        var platformDb = await TestDatabase.CreateAsync("platformdb", Token);
        var callsDb = await TestDatabase.CreateAsync("callsdb", Token);
        var tasksDb = await TestDatabase.CreateAsync("tasksdb", Token);
        var messaging = await TestVirtualHost.CreateAsync(Token);
        var key = await TestApiKeys.CreateAsync(platformDb, Tenant, Token);
        await using var lostReplicasBroker = TcpProxy.Start(new IPEndPoint(IPAddress.Loopback, new Uri(messaging).Port));

        Dictionary<string, string> Settings(string broker) => new()
        {
            ["ConnectionStrings:platformdb"] = platformDb,
            ["ConnectionStrings:callsdb"] = callsDb,
            ["ConnectionStrings:tasksdb"] = tasksDb,
            ["ConnectionStrings:messaging"] = broker,
            ["ConnectionStrings:cache"] = TestServers.Redis,
            ["Platform:ServiceKey"] = "tasks-replica-tests-service-key-0123456789",
            ["Routing:PromptKey"] = "tasks-replica-tests-prompt-key-0123456789",
            ["VectorStore:Provider"] = "postgres",
            ["Topics:MinCalls"] = "20",
            ["Topics:MinClusterSize"] = "4",
            ["Topics:Interval"] = "00:00:01",
            ["Topics:Growth"] = Growth.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var survivorConsumed = new ConsumedMessages();
        var lostConsumed = new ConsumedMessages();
        await using var survivor = new ServiceFactory<TaskStore>(Settings(messaging), s => s.AddConsumeObserver(_ => survivorConsumed));
        await using var lost = new ServiceFactory<TaskStore>(
            Settings(new UriBuilder(messaging) { Port = lostReplicasBroker.Port }.Uri.ToString()), s => s.AddConsumeObserver(_ => lostConsumed));
        await using var scrubber = new ServiceFactory<CallStore>(Settings(messaging));
        await using var ingest = new ServiceFactory<CallPublisher>(Settings(messaging));
        await ServiceHealth.WaitAsync(survivor, "A tasks replica", Token);
        await ServiceHealth.WaitAsync(lost, "A tasks replica", Token);
        await ServiceHealth.WaitAsync(scrubber, "The scrubber", Token);

        using var client = ingest.CreateClient(key);
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var batch = 0; batch < Batches; batch++)
        {
            if (batch == Batches / 2)
            {
                var consumedByLost = await Eventually.ReadAsync(() => Task.FromResult(lostConsumed.Count), n => n >= CallsPerBatch / 2, TimeSpan.FromSeconds(60), Token);
                Assert.True(consumedByLost >= CallsPerBatch / 2, $"The replica to be lost filed {consumedByLost} calls before its loss.");
            }

            using var posted = await client.PostAsync("/v1/calls/batch", Batch(run, batch), Token);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            if (batch == Batches / 2)
            {
                lostReplicasBroker.Cut();
            }
        }

        var filed = await Eventually.ReadAsync(
            () => TestDatabase.CountAsync(tasksDb, "select count(*) from task_calls where call_id like $1", Token, $"tasks-replica-{run}-%"),
            n => n >= Calls, TimeSpan.FromSeconds(180), Token, TimeSpan.FromMilliseconds(250));

        Assert.Equal(Calls, filed);
        Assert.Equal(Calls, await TestDatabase.CountAsync(tasksDb, "select count(*) from call_vectors where call_id like $1", Token, $"tasks-replica-{run}-%"));
        Assert.Equal(Agents.Length, await TestDatabase.CountAsync(tasksDb, "select count(*) from tasks where tenant_id = $1", Token, Tenant));
        Assert.True(survivorConsumed.Count > 0 && lostConsumed.Count > 0, $"Filed: survivor {survivorConsumed.Count} ({survivorConsumed.Redelivered} redelivered), lost {lostConsumed.Count}.");
        Assert.Equal(0u, await TestVirtualHost.QueueDepthAsync(messaging, "task-discovery_error", Token));

        // Both schedules keep running (the lost replica still reaches the database): let them find the last growth.
        var runs = await Eventually.ReadAsync(
            () => Task.FromResult(ClusteringRuns(survivor, lost)),
            r => r.Select(x => x.TaskId).Distinct().Count() == Agents.Length, TimeSpan.FromSeconds(60), Token);
        await Task.Delay(TimeSpan.FromSeconds(3), Token);
        runs = ClusteringRuns(survivor, lost);

        // A run starts only when the task's calls grew by the share Topics:Growth over the last run's, so each run of a
        // task clusters more than 1.2 times the calls of the one before; two replicas running on one due state would
        // both cluster about the same calls.
        Assert.Equal(Agents.Length, runs.Select(r => r.TaskId).Distinct().Count());
        var notDue = runs.GroupBy(r => r.TaskId)
            .SelectMany(task => task.Select(r => r.Calls).Order().Zip(task.Select(r => r.Calls).Order().Skip(1)))
            .Where(pair => pair.Second <= pair.First * (1 + Growth)).Select(pair => $"{pair.First} then {pair.Second} calls").ToList();
        Assert.True(notDue.Count == 0, $"Re-clustered a task that was not due (another replica had just clustered it): {string.Join("; ", notDue)}");

        lostReplicasBroker.Restore();
    }

    /// <summary>Every re-clustering either replica ran, as (task, calls clustered), from its log.</summary>
    private static List<(string TaskId, int Calls)> ClusteringRuns(params ServiceFactory<TaskStore>[] replicas) =>
        [.. replicas.SelectMany(r => r.Logs.Lines).Select(line => ClusteredLine().Match(line)).Where(m => m.Success)
            .Select(m => (m.Groups["task"].Value, int.Parse(m.Groups["calls"].Value, System.Globalization.CultureInfo.InvariantCulture)))];

    [GeneratedRegex(@"Clustered task (?<task>[0-9a-f-]+): \d+ topics, \d+ outliers of (?<calls>\d+) calls")]
    private static partial Regex ClusteredLine();

    /// <summary>Each agent asks about four things of its own, in words that vary with the call's number.</summary>
    private static StringContent Batch(string run, int batch) =>
        new(string.Join('\n', Enumerable.Range(0, CallsPerBatch).Select(i =>
        {
            var n = batch * CallsPerBatch + i;
            var agent = Agents[n % Agents.Length];
            return JsonSerializer.Serialize(new
            {
                id = $"tasks-replica-{run}-{n}",
                agent = $"{agent}-{run}",
                request = new { messages = new[] { new { role = "user", content = Question(agent, n) } } },
                response = new { choices = new[] { new { index = 0, message = new { role = "assistant", content = "Thank you; it is in hand." } } } },
            });
        })), Encoding.UTF8, "application/x-ndjson");

    private static string Question(string agent, int n) => (agent, (n / Agents.Length) % 4) switch
    {
        ("shop", 0) => $"The kettle from order {n} arrived with a cracked lid.",
        ("shop", 1) => $"Can the parcel for order {n} go to my neighbour instead?",
        ("shop", 2) => $"I want my money back for the {n % 7 + 2} mugs I returned.",
        ("shop", _) => $"Is the blue lamp in stock again, I asked on day {n % 28 + 1}?",
        ("bank", 0) => $"My card was declined at the till for {n % 90 + 10} euros.",
        ("bank", 1) => $"How do I raise the daily transfer limit above {n * 10} euros?",
        ("bank", 2) => $"The interest on my savings looks wrong for month {n % 12 + 1}.",
        ("bank", _) => $"I lost my card on the tram around {n % 12 + 1} o'clock.",
        (_, 0) => $"Move my flight booking {n} to the following Tuesday.",
        (_, 1) => $"Does the hotel in booking {n} take dogs?",
        (_, 2) => $"My suitcase did not come off flight {n % 900 + 100}.",
        (_, _) => $"Can I add a second driver to car hire {n}?",
    };
}
