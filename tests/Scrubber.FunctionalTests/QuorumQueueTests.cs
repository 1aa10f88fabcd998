using CallPublisher = SlmPlatform.Ingest.Infrastructure.CallPublisher;
using CallStore = SlmPlatform.Scrubber.Infrastructure.CallStore;

namespace SlmPlatform.Scrubber.FunctionalTests;

/// <summary>
/// <c>Messaging:Queues:Type=quorum</c> against a real RabbitMQ: the services declare quorum queues with a delivery
/// limit, calls flow through them, a capture that killed the scrubber on every earlier delivery is parked sealed on its
/// last one (never moved raw to the error queue), and another queue's over-delivered message goes to its error queue.
/// </summary>
public sealed class QuorumQueueTests
{
    private const string Tenant = "tenant-quorum";
    private const string Email = "quorum.canary@example.org";
    private const int DeliveryLimit = 3;
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithQuorumQueues_CallsAreStored_AndTheScrubbersQueueIsQuorumWithItsLimit()
    {
        var platform = await PlatformAsync();
        await using var scrubber = new ServiceFactory<CallStore>(platform.Settings);
        await using var ingest = new ServiceFactory<CallPublisher>(platform.Settings);
        await ServiceHealth.WaitAsync(scrubber, "The scrubber", Token);

        var id = $"quorum-{Guid.NewGuid():N}";
        using (var client = ingest.CreateClient(platform.Key))
        using (var posted = await client.PostAsync("/v1/calls", Call(id), Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        Assert.Equal(1, await Eventually.ReadAsync(
            () => TestDatabase.CountAsync(platform.CallsDb, "select count(*) from calls where call_id = $1", Token, id), n => n == 1, TimeSpan.FromSeconds(30), Token));
        var queue = await TestVirtualHost.QueueAsync(platform.Messaging, "scrubber", Token);
        Assert.Equal("quorum", queue.GetProperty("type").GetString());
        Assert.Equal(DeliveryLimit, queue.GetProperty("arguments").GetProperty("x-delivery-limit").GetInt32());
    }

    [Fact]
    public async Task ACaptureThatKilledTheScrubberOnEveryDelivery_IsParkedSealedOnItsLast_NeverRawInTheErrorQueue()
    {
        var platform = await PlatformAsync();

        // The scrubber declares its queues, then is away while the capture waits and is delivered without being settled.
        await (await StartedScrubberAsync(platform)).DisposeAsync();
        var id = $"quorum-poison-{Guid.NewGuid():N}";
        await using (var ingest = new ServiceFactory<CallPublisher>(platform.Settings))
        using (var client = ingest.CreateClient(platform.Key))
        using (var posted = await client.PostAsync("/v1/calls", Call(id), Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        await Eventually.ReadAsync(() => TestVirtualHost.QueueDepthAsync(platform.Messaging, "scrubber", Token), n => n == 1, TimeSpan.FromSeconds(15), Token);
        await TestVirtualHost.DeliverUnsettledAsync(platform.Messaging, "scrubber", DeliveryLimit - 1, Token);

        await using var parkings = await CapturingQueue.BindAsync(platform.Messaging, typeof(CallParked), Token);
        await using var scrubber = await StartedScrubberAsync(platform);
        var parked = Assert.Single(await parkings.WaitForAsync(id, 1, TimeSpan.FromSeconds(30), Token));

        Assert.Equal("DeliveryLimit", parked.Message<CallParked>().Reason);
        Assert.DoesNotContain(Email, parked.Envelope, StringComparison.Ordinal);
        Assert.Equal(0, await TestDatabase.CountAsync(platform.CallsDb, "select count(*) from calls where call_id = $1", Token, id));
        Assert.Equal(0u, await TestVirtualHost.QueueDepthAsync(platform.Messaging, "scrubber", Token));
        Assert.Equal(0u, await TestVirtualHost.QueueDepthAsync(platform.Messaging, "scrubber_error", Token));
        Assert.Equal(1, await Eventually.ReadAsync(
            () => TestDatabase.CountAsync(platform.CallsDb, "select count(*) from parked_calls where call_id = $1", Token, id), n => n == 1, TimeSpan.FromSeconds(15), Token));
    }

    [Fact]
    public async Task AMessageDeliveredUpToTheLimitWithoutBeingSettled_GoesToItsQueuesErrorQueue()
    {
        var platform = await PlatformAsync();
        await (await StartedScrubberAsync(platform)).DisposeAsync();
        await using (var ingest = new ServiceFactory<CallPublisher>(platform.Settings))
        using (var client = ingest.CreateClient(platform.Key))
        using (var posted = await client.PostAsync("/v1/calls", Call($"quorum-limit-{Guid.NewGuid():N}"), Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        }

        await Eventually.ReadAsync(() => TestVirtualHost.QueueDepthAsync(platform.Messaging, "scrubber", Token), n => n == 1, TimeSpan.FromSeconds(15), Token);

        // No consumer of the platform's ever settles it: the broker's limit, not the scrubber's own, ends the loop (a
        // message returned more often than the limit is dead-lettered).
        await TestVirtualHost.DeliverUnsettledAsync(platform.Messaging, "scrubber", DeliveryLimit + 1, Token);

        Assert.Equal(1u, await Eventually.ReadAsync(
            () => TestVirtualHost.QueueDepthAsync(platform.Messaging, "scrubber_error", Token), n => n == 1, TimeSpan.FromSeconds(15), Token));
        Assert.Equal(0u, await TestVirtualHost.QueueDepthAsync(platform.Messaging, "scrubber", Token));
    }

    private sealed record Platform(Dictionary<string, string> Settings, string CallsDb, string Messaging, string Key);

    private static async Task<Platform> PlatformAsync()
    {
        var platformDb = await TestDatabase.CreateAsync("platformdb", Token);
        var callsDb = await TestDatabase.CreateAsync("callsdb", Token);
        var messaging = await TestVirtualHost.CreateAsync(Token);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:platformdb"] = platformDb,
            ["ConnectionStrings:callsdb"] = callsDb,
            ["ConnectionStrings:messaging"] = messaging,
            ["Platform:ServiceKey"] = "quorum-tests-service-key-0123456789",
            ["Messaging:Queues:Type"] = "quorum",
            ["Messaging:Queues:DeliveryLimit"] = DeliveryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return new Platform(settings, callsDb, messaging, await TestApiKeys.CreateAsync(platformDb, Tenant, Token));
    }

    private static async Task<ServiceFactory<CallStore>> StartedScrubberAsync(Platform platform)
    {
        var scrubber = new ServiceFactory<CallStore>(platform.Settings);
        await ServiceHealth.WaitAsync(scrubber, "The scrubber", Token);
        return scrubber;
    }

    private static StringContent Call(string id) => new(
        JsonSerializer.Serialize(new
        {
            id,
            agent = "quorum-agent",
            request = new { messages = new[] { new { role = "user", content = $"Please write to {Email} about my order." } } },
            response = new { choices = new[] { new { message = new { role = "assistant", content = "noted" } } } },
        }),
        Encoding.UTF8,
        "application/json");
}
