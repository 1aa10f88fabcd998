using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SlmPlatform.TaskDiscovery.Promotion;
using CallPublisher = SlmPlatform.Ingest.Infrastructure.CallPublisher;
using CallStore = SlmPlatform.Scrubber.Infrastructure.CallStore;
using RoutingDayStore = SlmPlatform.TaskDiscovery.Infrastructure.RoutingDayStore;
using TaskStore = SlmPlatform.TaskDiscovery.Infrastructure.TaskStore;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>Ingest → scrubber → task discovery in-process on one virtual host and fresh databases.</summary>
public class DiscoveryFixture : IAsyncLifetime
{
    public ServiceFactory<CallPublisher> Ingest { get; private set; } = null!;

    public ServiceFactory<CallStore> Calls { get; private set; } = null!;

    public ServiceFactory<TaskStore> Tasks { get; private set; } = null!;

    public CapturingQueue Discovered { get; private set; } = null!;

    public CapturingQueue Changed { get; private set; } = null!;

    /// <summary>The gateways' routing changes, as published from the outbox.</summary>
    public CapturingQueue RouteChanges { get; private set; } = null!;

    /// <summary>The promotion policy's <see cref="EvaluateModel"/> commands, where training's queue would take them; a test answers them.</summary>
    public CapturingQueue EvaluationRequests { get; private set; } = null!;

    /// <summary>The promotion's <see cref="ModelDeployRequested"/>, where serving's queue would take them; a test answers them.</summary>
    public CapturingQueue DeployRequests { get; private set; } = null!;

    /// <summary>The promotion's <see cref="ModelUndeployRequested"/> after a demotion, where serving's queue would take them.</summary>
    public CapturingQueue UndeployRequests { get; private set; } = null!;

    /// <summary>Settings a fixture of a kind adds to (or changes in) the tasks service's.</summary>
    protected virtual IReadOnlyDictionary<string, string> MoreSettings { get; } = new Dictionary<string, string>();

    public const string TenantId = "tenant-tasks-tests";

    public const string PromptSecret = "tasks-tests-prompt-key-0123456789";

    public string VectorFolder { get; } = Path.Combine(Path.GetTempPath(), $"slm-vectors-{Guid.NewGuid():N}");

    public string ApiKey { get; private set; } = null!;

    /// <summary>The platform database, for keys with fewer scopes.</summary>
    public string PlatformDb { get; private set; } = null!;

    /// <summary>Task discovery's database, for what no API shows.</summary>
    public string TasksDb { get; private set; } = null!;

    /// <summary>A key of another tenant, who must see none of the first tenant's tasks.</summary>
    public string OtherApiKey { get; private set; } = null!;

    /// <summary>The messages the tasks service has finished consuming.</summary>
    public ConsumedMessages Consumed { get; } = new();

    /// <summary>What the promotion policy asks of the training service.</summary>
    public ScriptedTraining Training { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        var platformDb = PlatformDb = await TestDatabase.CreateAsync("platformdb", token);
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:platformdb"] = platformDb,
            ["ConnectionStrings:callsdb"] = await TestDatabase.CreateAsync("callsdb", token),
            ["ConnectionStrings:tasksdb"] = TasksDb = await TestDatabase.CreateAsync("tasksdb", token),
            ["ConnectionStrings:messaging"] = await TestVirtualHost.CreateAsync(token),
            ["VectorStore:Path"] = VectorFolder,
            ["ConnectionStrings:cache"] = TestServers.Redis,
            ["Routing:PromptKey"] = PromptSecret,
            // Small enough for test-sized tasks; the schedule stays out of the way of on-demand runs.
            ["Topics:MinCalls"] = "12",
            ["Topics:MinClusterSize"] = "4",
            ["Topics:Interval"] = "01:00:00",
            ["Promotion:IntervalSeconds"] = "1",
            ["Promotion:Default:MinOnlineSamples"] = "20",
        };
        foreach (var (key, value) in MoreSettings)
        {
            settings[key] = value;
        }

        ApiKey = await TestApiKeys.CreateAsync(platformDb, "tenant-tasks-tests", token);
        OtherApiKey = await TestApiKeys.CreateAsync(platformDb, "tenant-tasks-others", token);
        Discovered = await CapturingQueue.BindAsync(settings["ConnectionStrings:messaging"], typeof(TaskDiscovered), token);
        Changed = await CapturingQueue.BindAsync(settings["ConnectionStrings:messaging"], typeof(TaskChanged), token);
        RouteChanges = await CapturingQueue.BindAsync(settings["ConnectionStrings:messaging"], typeof(SpecialistRouteChanged), token);
        EvaluationRequests = await CapturingQueue.BindAsync(settings["ConnectionStrings:messaging"], typeof(EvaluateModel), token);
        DeployRequests = await CapturingQueue.BindAsync(settings["ConnectionStrings:messaging"], typeof(ModelDeployRequested), token);
        UndeployRequests = await CapturingQueue.BindAsync(settings["ConnectionStrings:messaging"], typeof(ModelUndeployRequested), token);
        Tasks = new ServiceFactory<TaskStore>(settings, services =>
        {
            services.RemoveAll<IModelRetraining>();
            services.AddSingleton<IModelRetraining>(Training);
            services.AddConsumeObserver(_ => Consumed);
        });
        Calls = new ServiceFactory<CallStore>(settings);
        Ingest = new ServiceFactory<CallPublisher>(settings);

        // Consumers bind their queues when their bus starts: downstream first, as the AppHost starts them.
        await WaitHealthyAsync(Tasks.CreateClient(), token);
        await WaitHealthyAsync(Calls.CreateClient(), token);
    }

    public async Task<List<JsonElement>> WaitForTasksAsync(Func<List<JsonElement>, bool> done, TimeSpan timeout, string? apiKey = null)
    {
        using var client = Tasks.CreateClient(apiKey ?? ApiKey);
        var token = TestContext.Current.CancellationToken;
        return await Eventually.ReadAsync(
            async () => (List<JsonElement>)[.. (await client.GetFromJsonAsync<JsonElement>("/api/tasks", token)).EnumerateArray()],
            done, timeout, token, TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Announces <paramref name="modelId"/> as the tenant's, trained for the task, as training would
    /// (<see cref="ModelTrained"/>); returns it once the tasks service knows it.</summary>
    public async Task<Guid> AnnounceModelAsync(Guid modelId, Guid taskId, string tenantId = TenantId, ModelArtifact? artifact = null, string? baseModel = null)
    {
        var trained = new ModelTrained(Guid.NewGuid(), tenantId, modelId, Guid.NewGuid(), taskId, "classifier-head", "ds-announced", 100, 0.9, 0.9, artifact, baseModel);
        await Tasks.Services.GetRequiredService<IBus>().Publish(trained, publish => publish.MessageId = trained.EventId, TestContext.Current.CancellationToken);
        await Consumed.WaitForAsync(trained.EventId);
        return modelId;
    }

    /// <summary>Posts the router traffic under a fresh agent and waits until the task holds all of it.</summary>
    public async Task<(string Run, string Agent, string TaskId)> ReplayRouterAsync()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var agent = $"bank-{run}";
        using var ingest = Ingest.CreateClient(ApiKey);
        using var posted = await ingest.PostAsync("/v1/calls/batch", new StringContent(RouterTraffic.Batch(run, agent), Encoding.UTF8, "application/x-ndjson"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var tasks = await WaitForTasksAsync(
            t => t.Any(x => x.GetProperty("agent").GetString() == agent && x.GetProperty("calls").GetInt64() == RouterTraffic.Count), TimeSpan.FromSeconds(60));
        return (run, agent, tasks.Single(t => t.GetProperty("agent").GetString() == agent).GetProperty("id").GetString()!);
    }

    /// <summary>Posts intent-router calls (the teacher answers <c>{"intent": ...}</c>) and waits until their task holds
    /// <paramref name="expectedCalls"/> (default: these) calls; returns the task's id. With <paramref name="apiKey"/>, as another tenant.</summary>
    public async Task<string> PostLabelledCallsAsync(
        string agent, string? workload, (string Text, string Intent)[] calls, string? system = null, int? expectedCalls = null, string? apiKey = null)
    {
        var token = TestContext.Current.CancellationToken;
        using var ingest = Ingest.CreateClient(apiKey ?? ApiKey);
        var records = calls.Select(c => JsonSerializer.Serialize(new
        {
            id = $"{agent}-{Guid.NewGuid():N}",
            agent,
            workload,
            request = new
            {
                messages = system is null
                    ? new object[] { new { role = "user", content = c.Text } }
                    : [new { role = "system", content = system }, new { role = "user", content = c.Text }],
            },
            response = new { choices = new[] { new { index = 0, message = new { role = "assistant", content = JsonSerializer.Serialize(new { intent = c.Intent }) } } } },
        }));
        using var posted = await ingest.PostAsync("/v1/calls/batch", new StringContent(string.Join('\n', records), Encoding.UTF8, "application/x-ndjson"), token);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var count = expectedCalls ?? calls.Length;
        var tasks = await WaitForTasksAsync(t => t.Any(x => x.GetProperty("agent").GetString() == agent && x.GetProperty("calls").GetInt64() == count), TimeSpan.FromSeconds(30), apiKey);
        return tasks.Single(t => t.GetProperty("agent").GetString() == agent).GetProperty("id").GetString()!;
    }

    private static async Task WaitHealthyAsync(HttpClient client, CancellationToken token)
    {
        using (client)
        {
            for (var attempt = 0; attempt < 100 && !(await client.GetAsync("/health", token)).IsSuccessStatusCode; attempt++)
            {
                await Task.Delay(100, token);
            }
        }
    }

    /// <summary>The task's routing change that <paramref name="match"/> accepts, once it is published.</summary>
    public async Task<SpecialistRouteChanged> RouteChangeAsync(Guid taskId, Func<SpecialistRouteChanged, bool> match)
    {
        var found = await RouteChanges.WaitForAsync(
            m => m.Message<SpecialistRouteChanged>() is var change && change.TaskId == taskId && match(change), 1, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        return found[0].Message<SpecialistRouteChanged>();
    }

    /// <summary>
    /// Publishes a gateway's tally for the task, as the gateway does, and returns once task discovery has counted it
    /// (its day's sums grew by it).
    /// </summary>
    public async Task TallyAsync(Guid taskId, RoutingCounts counts)
    {
        var days = Tasks.Services.GetRequiredService<RoutingDayStore>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        async Task<long> TotalAsync() => (await days.ReadAsync(TenantId, taskId, today, today, TestContext.Current.CancellationToken))
            .Sum(d => d.Answered + d.FellBack + d.ShadowCompared + d.ShadowFailed + d.Abstained + d.ShadowAbstained);
        var before = await TotalAsync();
        await Tasks.Services.GetRequiredService<IBus>().Publish(new RoutingTallied(Guid.NewGuid(), TenantId, taskId, today, counts), TestContext.Current.CancellationToken);
        var expected = before + counts.Answered + counts.FellBack + counts.ShadowCompared + counts.ShadowFailed + counts.Abstained + counts.ShadowAbstained;
        Assert.Equal(expected, await Eventually.ReadAsync(TotalAsync, total => total >= expected, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken));
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (Discovered is not null)
        {
            await Discovered.DisposeAsync();
        }

        if (Changed is not null)
        {
            await Changed.DisposeAsync();
        }

        if (RouteChanges is not null)
        {
            await RouteChanges.DisposeAsync();
        }

        if (EvaluationRequests is not null)
        {
            await EvaluationRequests.DisposeAsync();
        }

        if (DeployRequests is not null)
        {
            await DeployRequests.DisposeAsync();
        }

        if (UndeployRequests is not null)
        {
            await UndeployRequests.DisposeAsync();
        }

        foreach (IAsyncDisposable? factory in new IAsyncDisposable?[] { Ingest, Calls, Tasks })
        {
            if (factory is not null)
            {
                await factory.DisposeAsync();
            }
        }

        if (Directory.Exists(VectorFolder))
        {
            Directory.Delete(VectorFolder, recursive: true);
        }
    }
}
