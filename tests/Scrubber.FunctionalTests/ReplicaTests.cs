using MassTransit;
using CallPublisher = SlmPlatform.Ingest.Infrastructure.CallPublisher;
using CallStore = SlmPlatform.Scrubber.Infrastructure.CallStore;

namespace SlmPlatform.Scrubber.FunctionalTests;

/// <summary>
/// Two scrubber replicas on one queue and one database under a stream of calls, one of them lost mid-stream as the
/// broker sees a killed process (its connection reset with deliveries unacknowledged): every accepted call is stored
/// exactly once, both replicas did work, and nothing is parked or left in the error queue.
/// </summary>
public sealed class ReplicaTests
{
    private const string Tenant = "tenant-replicas";
    private const int Batches = 20;
    private const int CallsPerBatch = 100;
    private const int Calls = Batches * CallsPerBatch;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwoReplicas_OneLostMidStream_StoreEveryAcceptedCallExactlyOnce()
    {
        var platformDb = await TestDatabase.CreateAsync("platformdb", Token);
        var callsDb = await TestDatabase.CreateAsync("callsdb", Token);
        var messaging = await TestVirtualHost.CreateAsync(Token);
        var key = await TestApiKeys.CreateAsync(platformDb, Tenant, Token);
        var brokerPort = new Uri(messaging).Port;
        await using var lostReplicasBroker = TcpProxy.Start(new IPEndPoint(IPAddress.Loopback, brokerPort));

        Dictionary<string, string> Settings(string broker) => new()
        {
            ["ConnectionStrings:platformdb"] = platformDb,
            ["ConnectionStrings:callsdb"] = callsDb,
            ["ConnectionStrings:messaging"] = broker,
            ["Platform:ServiceKey"] = "replica-tests-service-key-0123456789",
        };
        var survivorConsumed = new ConsumedMessages();
        var lostConsumed = new ConsumedMessages();
        await using var survivor = new ServiceFactory<CallStore>(Settings(messaging), s => s.AddConsumeObserver(_ => survivorConsumed));
        await using var lost = new ServiceFactory<CallStore>(
            Settings(new UriBuilder(messaging) { Port = lostReplicasBroker.Port }.Uri.ToString()), s => s.AddConsumeObserver(_ => lostConsumed));
        await using var ingest = new ServiceFactory<CallPublisher>(Settings(messaging));
        await ServiceHealth.WaitAsync(survivor, "A scrubber replica", Token);
        await ServiceHealth.WaitAsync(lost, "A scrubber replica", Token);

        using var client = ingest.CreateClient(key);
        var run = Guid.NewGuid().ToString("N")[..8];
        for (var batch = 0; batch < Batches; batch++)
        {
            if (batch == Batches / 2)
            {
                var consumedByLost = await Eventually.ReadAsync(() => Task.FromResult(lostConsumed.Count), n => n >= CallsPerBatch, TimeSpan.FromSeconds(30), Token);
                Assert.True(consumedByLost >= CallsPerBatch, $"The replica to be lost consumed {consumedByLost} calls before its loss.");
            }

            using var posted = await client.PostAsync("/v1/calls/batch", Batch(run, batch), Token);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            if (batch == Batches / 2)
            {
                // At once, while this batch is being delivered: the lost replica holds deliveries it has not acknowledged.
                lostReplicasBroker.Cut();
            }
        }

        var stored = await Eventually.ReadAsync(
            () => TestDatabase.CountAsync(callsDb, "select count(*) from calls where call_id like $1", Token, $"replica-{run}-%"),
            n => n >= Calls, TimeSpan.FromSeconds(120), Token, TimeSpan.FromMilliseconds(250));

        Assert.Equal(Calls, stored);
        Assert.Equal(Calls, await TestDatabase.CountAsync(callsDb, "select count(distinct call_id) from calls where call_id like $1", Token, $"replica-{run}-%"));
        Assert.Equal(0, await TestDatabase.CountAsync(callsDb, "select count(*) from calls where request::text like '%someone%'", Token));
        Assert.True(survivorConsumed.Count > 0 && lostConsumed.Count > 0, $"Consumed: survivor {survivorConsumed.Count} ({survivorConsumed.Redelivered} redelivered), lost {lostConsumed.Count}.");
        Assert.Equal(0u, await TestVirtualHost.QueueDepthAsync(messaging, "scrubber_error", Token));
        Assert.Equal(0u, await TestVirtualHost.QueueDepthAsync(messaging, "scrubber-parked", Token));

        // Let the lost replica reconnect, so that it stops as a service would.
        lostReplicasBroker.Restore();
    }

    private static StringContent Batch(string run, int batch) =>
        new(string.Join('\n', Enumerable.Range(0, CallsPerBatch).Select(i => JsonSerializer.Serialize(new
        {
            id = $"replica-{run}-{batch}-{i}",
            agent = "replica-agent",
            request = new { messages = new[] { new { role = "user", content = $"Order {batch * CallsPerBatch + i} for someone{i}@example.net has not arrived." } } },
            response = new { choices = new[] { new { index = 0, message = new { role = "assistant", content = "I am sorry; I have opened a ticket." } } } },
        }))), Encoding.UTF8, "application/x-ndjson");
}
