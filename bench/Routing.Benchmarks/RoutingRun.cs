using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SlmPlatform.Contracts;
using SlmPlatform.Gateway.Capture;
using SlmPlatform.Gateway.Infrastructure;
using SlmPlatform.Gateway.Model;
using SlmPlatform.Gateway.Routing;
using StackExchange.Redis;

namespace SlmPlatform.Routing.Benchmarks;

/// <summary>
/// The gateway's <see cref="SpecialistRouter"/> wired as the gateway wires it (its own types, resolved from a service
/// provider), over a real Redis holding one tenant's routing table with a canary route for the BANKING77 router
/// prompt. Each case runs the per-call work of one path through the decision; all cases are interleaved round by round
/// so that other work on the machine falls on all of them alike.
/// </summary>
internal sealed class RoutingRun : IAsyncDisposable
{
    private const string PromptSecret = "routing-benchmark-prompt-key-0123456789";
    private readonly ConnectionMultiplexer _redis;
    private readonly ServiceProvider _cached;
    private readonly ServiceProvider _uncached;
    private readonly string _tenant = $"routing-bench-{Guid.NewGuid():N}";
    private readonly List<byte[]> _bodies;
    private readonly List<ChatRequest> _requests;
    private readonly DefaultHttpContext _http = new();

    private RoutingRun(ConnectionMultiplexer redis, ServiceProvider cached, ServiceProvider uncached, List<byte[]> bodies)
    {
        _redis = redis;
        _cached = cached;
        _uncached = uncached;
        _bodies = bodies;
        _requests = [.. bodies.Select(b => ChatRequest.TryParse(b)!)];
    }

    public int BodyBytes => (int)_bodies.Average(b => b.Length);

    public static async Task<RoutingRun> StartAsync(string redisConnection, string banking77Folder)
    {
        var system = RouterPrompt.SystemPrompt(RouterPrompt.Intents(banking77Folder));
        var messages = File.ReadLines(Path.Combine(banking77Folder, "test.csv")).Skip(1).Take(64).Select(l => l.Split(',')[0].Trim('"')).ToList();
        var bodies = messages.Select(m => RouterPrompt.Body(system, m)).ToList();
        var redis = await ConnectionMultiplexer.ConnectAsync(redisConnection);
        var run = new RoutingRun(redis, Services(redis, maxAge: null), Services(redis, maxAge: TimeSpan.Zero), bodies);

        // The router prompt's calls from the support agent are on a canary whose share is so small that no call is
        // selected: the whole decision runs (keys, table, specialist body, share hash) and the call goes to the teacher,
        // so no specialist is asked and nothing but the decision is timed.
        var key = RouteKeys.ForPrompt(RouteKeys.PromptKey(RouteKeys.Secret(PromptSecret)!, RouterPrompt.Agent, system));
        var route = new SpecialistRoute(Guid.NewGuid(), Guid.NewGuid(), RouteModes.Canary, new OutputCheck(OutputCheck.LabelKind, RouterPrompt.Intents(banking77Folder)), 1, Share: 1e-12);
        await run._cached.GetRequiredService<RouteTable>().ApplyAsync(new SpecialistRouteChanged(Guid.NewGuid(), run._tenant, route.TaskId, 1, [key], route, DateTimeOffset.UtcNow));
        return run;
    }

    /// <summary>Per-call times in microseconds, by case, over all rounds but the first (warm-up).</summary>
    public async Task<IReadOnlyList<CaseResult>> MeasureAsync(int rounds, int calls)
    {
        var cachedRouter = _cached.GetRequiredService<SpecialistRouter>();
        var uncachedRouter = _uncached.GetRequiredService<SpecialistRouter>();
        var supportAgent = new CallSite(RouterPrompt.Agent, null);
        var otherAgent = new CallSite("another-agent", null);
        var db = _redis.GetDatabase();
        RedisKey table = $"slm:routes:{_tenant}";
        var headers = new HeaderDictionary { [CallSite.AgentHeader] = RouterPrompt.Agent };
        var cases = new (string Name, string Role, Func<int, ValueTask> Call)[]
        {
            ("Parse the request and read its call site (ChatRequest.TryParse, CallSite.From)", "baseline", i =>
            {
                using var request = ChatRequest.TryParse(_bodies[i % _bodies.Count])!;
                _ = CallSite.From(headers, request.Json);
                return ValueTask.CompletedTask;
            }),
            ("Route: no route for the call's keys (table cached)", "decision", async i =>
                Check(await cachedRouter.RouteAsync(_http, _tenant, otherAgent, _requests[i % _requests.Count], 0))),
            ("Route: canary route found, call not selected (table cached)", "decision", async i =>
                Check(await cachedRouter.RouteAsync(_http, _tenant, supportAgent, _requests[i % _requests.Count], 0))),
            ("Route: canary route found, table re-read from Redis (once per 5 s per tenant)", "decision", async i =>
                Check(await uncachedRouter.RouteAsync(_http, _tenant, supportAgent, _requests[i % _requests.Count], 0))),
            ("Redis HGETALL of the same table alone (StackExchange.Redis)", "Redis baseline", async _ =>
                await db.HashGetAllAsync(table)),
        };

        var times = cases.Select(_ => new List<double>(rounds * calls)).ToArray();
        for (var round = 0; round <= rounds; round++)
        {
            for (var k = 0; k < cases.Length; k++)
            {
                // Rotate the order each round, so that no case always follows the same one.
                var c = (k + round) % cases.Length;
                for (var i = 0; i < calls; i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    await cases[c].Call(i);
                    var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
                    if (round > 0)
                    {
                        times[c].Add(elapsed);
                    }
                }
            }
        }

        return [.. cases.Select((c, i) => CaseResult.Of(c.Name, c.Role, times[i]))];
    }

    public async ValueTask DisposeAsync()
    {
        await _redis.GetDatabase().KeyDeleteAsync([$"slm:routes:{_tenant}", $"slm:routes:{_tenant}:tasks"]);
        _requests.ForEach(r => r.Dispose());
        await _cached.DisposeAsync();
        await _uncached.DisposeAsync();
        await _redis.DisposeAsync();
    }

    private static void Check(RouteDecision decision)
    {
        if (decision.IsAnswered)
        {
            throw new InvalidOperationException("A specialist answered: the benchmark's route must leave every call to the teacher.");
        }
    }

    private static ServiceProvider Services(IConnectionMultiplexer redis, TimeSpan? maxAge)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [RouteKeys.ConfigurationKey] = PromptSecret }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddHttpClient();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(Options.Create(new GatewayOptions()));
        services.AddSingleton(Options.Create(new SpecialistRoutingOptions()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IHostApplicationLifetime, NoLifetime>();
        services.AddSingleton(redis);
        services.AddSingleton(new RouteTable(redis, maxAge));
        services.AddSingleton<CaptureMetrics>();
        services.AddSingleton<CaptureQueue>();
        services.AddSingleton<UpstreamRelay>();
        services.AddSingleton<RoutingMetrics>();
        services.AddSingleton<SpecialistClient>();
        services.AddSingleton<OnlineComparisons>();
        services.AddSingleton<SpecialistRouter>();
        return services.BuildServiceProvider();
    }

    private sealed class NoLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
