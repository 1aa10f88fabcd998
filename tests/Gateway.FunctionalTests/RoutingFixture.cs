using System.Net.Http.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Gateway.Routing;
using SlmPlatform.Routing;
using StackExchange.Redis;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>The gateway with a routing table in the test run's Redis and scripted specialists behind it.</summary>
public sealed class RoutingFixture : GatewayFixture
{
    public const string PromptSecret = "test-prompt-key-0123456789abcdef";

    public ScriptedSpecialists Specialists { get; private set; } = null!;

    // Each routing fixture gets a Redis database of its own: the routing ledger's pending and outbox sets are
    // per Redis, and fixtures running side by side each publish on their own virtual host.
    private static int s_databases;
    private readonly int _database = 1 + (Interlocked.Increment(ref s_databases) % 15);
    private ConnectionMultiplexer? _redis;
    private CapturingQueue? _tallies;

    protected override async Task<IReadOnlyDictionary<string, string>> MoreSettingsAsync()
    {
        Specialists = await ScriptedSpecialists.StartAsync();
        var redis = $"{TestServers.Redis},defaultDatabase={_database}";
        _redis = await ConnectionMultiplexer.ConnectAsync(redis);
        return new Dictionary<string, string>
        {
            ["ConnectionStrings:cache"] = redis,
            ["Gateway:Specialists:ServingUrl"] = Specialists.BaseUrl.ToString(),
            ["Gateway:Specialists:Timeout"] = "00:00:05",
            [RouteKeys.ConfigurationKey] = PromptSecret,
            ["Platform:ServiceKey"] = "test-service-key-0123456789abcdef",
        };
    }

    /// <summary>The check of the scripted router task: one of two intents.</summary>
    public static OutputCheck IntentCheck { get; } = new(OutputCheck.LabelKind, Labels: ["intent=card_arrival", "intent=exchange_rate"]);

    /// <summary>
    /// Routes the keys to the model for a new task, as task discovery does (a <see cref="SpecialistRouteChanged"/> on the
    /// bus, which the gateway consumes), and returns the task's id once the gateway routes by it. By default a full
    /// route on the intent check that samples nothing, so that no background call to the teacher mixes in.
    /// </summary>
    public async Task<Guid> RouteAsync(
        IReadOnlyList<string> keys, Guid model, string mode = RouteModes.Full, double share = 1, double sample = 0, OutputCheck? check = null, double? threshold = null)
    {
        var taskId = Guid.NewGuid();
        await PublishAsync(new SpecialistRouteChanged(Guid.NewGuid(), TenantId, taskId, 1, keys, new SpecialistRoute(taskId, model, mode, check ?? IntentCheck, 1, share, sample, threshold), DateTimeOffset.UtcNow));
        var gatewayRoutes = Gateway.Services.GetRequiredService<RouteTable>();
        for (var attempt = 0; attempt < 200 && (await gatewayRoutes.FindAsync(TenantId, keys))?.TaskId != taskId; attempt++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        return taskId;
    }

    /// <summary>A user message through the gateway, tagged with the call site's agent and workload.</summary>
    public async Task<HttpResponseMessage> PostTaggedAsync(string agent, string workload, string text)
    {
        using var http = HttpClient();
        http.DefaultRequestHeaders.Add("X-Slm-Agent", agent);
        http.DefaultRequestHeaders.Add("X-Slm-Workload", workload);
        return await http.PostAsJsonAsync("/v1/chat/completions", new { model = "gpt-4o-mini", messages = new[] { new { role = "user", content = text } } }, TestContext.Current.CancellationToken);
    }

    /// <summary>Demotes the task (routed by <see cref="RouteAsync"/>) and returns once the gateway has heard of it.</summary>
    public async Task RemoveRouteAsync(Guid taskId, IReadOnlyList<string> keys)
    {
        await PublishAsync(new SpecialistRouteChanged(Guid.NewGuid(), TenantId, taskId, 2, keys, null, DateTimeOffset.UtcNow));
        var gatewayRoutes = Gateway.Services.GetRequiredService<RouteTable>();
        for (var attempt = 0; attempt < 200 && await gatewayRoutes.FindAsync(TenantId, keys) is not null; attempt++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// The task's routing counts as the gateway publishes them, summed, once <paramref name="figure"/> reaches
    /// <paramref name="atLeast"/> (the gateway records off the caller's path; each try flushes its ledger).
    /// </summary>
    public async Task<RoutingCounts> TalliedAsync(Guid taskId, Func<RoutingCounts, long> figure, long atLeast = 1)
    {
        _tallies ??= await CapturingQueue.BindAsync(Settings["ConnectionStrings:messaging"], typeof(RoutingTallied), TestContext.Current.CancellationToken);
        var publisher = Gateway.Services.GetRequiredService<RoutingTallyPublisher>();
        var total = new RoutingCounts();
        for (var attempt = 0; attempt < 100 && figure(total) < atLeast; attempt++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            await publisher.FlushAsync(TestContext.Current.CancellationToken);
            var received = await _tallies.WaitForAsync(m => m.Envelope.Contains(taskId.ToString(), StringComparison.Ordinal), 0, TimeSpan.Zero, TestContext.Current.CancellationToken);
            total = received
                .Select(m => m.Message<RoutingTallied>())
                .Where(t => t.TaskId == taskId)
                .DistinctBy(t => t.EventId) // as task discovery counts them
                .Aggregate(new RoutingCounts(), (sum, t) => sum + t.Counts);
        }

        return total;
    }

    /// <summary>Publishes once the gateway's bus is up: a change published before its queue is bound would reach no one.</summary>
    private async Task PublishAsync(SpecialistRouteChanged change)
    {
        var bus = Gateway.Services.GetRequiredService<IBusControl>();
        await bus.WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        await bus.Publish(change, TestContext.Current.CancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_tallies is not null)
        {
            await _tallies.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (Specialists is not null)
        {
            await Specialists.DisposeAsync();
        }
    }
}
