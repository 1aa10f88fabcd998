using Npgsql;
using CallPublisher = SlmPlatform.Ingest.Infrastructure.CallPublisher;
using CallStore = SlmPlatform.Scrubber.Infrastructure.CallStore;
using JobStore = SlmPlatform.Training.Infrastructure.JobStore;
using SpecialistRegistry = SlmPlatform.Serving.Infrastructure.SpecialistRegistry;
using TaskStore = SlmPlatform.TaskDiscovery.Infrastructure.TaskStore;
using UpstreamRelay = SlmPlatform.Gateway.Infrastructure.UpstreamRelay;

namespace SlmPlatform.BadInput.FunctionalTests;

/// <summary>
/// Every service with a public API, in this process, on fresh databases, one virtual host and a stand-in upstream,
/// with one key of every scope: what the corpus is sent to, and where it checks that nothing was stored.
/// </summary>
public sealed class PlatformUnderTest : IAsyncLifetime
{
    public const string TenantId = "tenant-bad-input";

    private readonly List<IAsyncDisposable> _owned = [];
    private readonly Dictionary<string, Func<HttpClient>> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<IServiceProvider>> _services = new(StringComparer.Ordinal);
    private DirectoryInfo _folder = null!;

    public string ApiKey { get; private set; } = null!;

    public string PlatformDb { get; private set; } = null!;

    public string CallsDb { get; private set; } = null!;

    public string TasksDb { get; private set; } = null!;

    public string TrainingDb { get; private set; } = null!;

    /// <summary>The artifact store training writes and serving reads.</summary>
    public string ArtifactsPath { get; private set; } = null!;

    /// <summary>What the gateway published: a relayed call is captured, so a refused one must leave nothing here.</summary>
    public CapturingQueue Captured { get; private set; } = null!;

    public static IReadOnlyList<string> Services { get; } = ["gateway", "ingest", "calls", "tasks", "training", "serving"];

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        _folder = Directory.CreateTempSubdirectory("slm-bad-input-");
        PlatformDb = await TestDatabase.CreateAsync("platformdb", token);
        CallsDb = await TestDatabase.CreateAsync("callsdb", token);
        TasksDb = await TestDatabase.CreateAsync("tasksdb", token);
        TrainingDb = await TestDatabase.CreateAsync("trainingdb", token);
        var messaging = await TestVirtualHost.CreateAsync(token);
        ApiKey = await TestApiKeys.CreateAsync(PlatformDb, TenantId, token);
        Captured = await CapturingQueue.BindAsync(messaging, typeof(Contracts.CallCaptured), token);
        _owned.Add(Captured);
        var upstream = await ScriptedUpstream.StartAsync();
        _owned.Add(upstream);
        var artifacts = ArtifactsPath = _folder.CreateSubdirectory("artifacts").FullName;

        var common = new Dictionary<string, string>
        {
            ["ConnectionStrings:platformdb"] = PlatformDb,
            ["ConnectionStrings:messaging"] = messaging,
            ["Platform:ServiceKey"] = "bad-input-service-key-0123456789abcdef",
            ["Routing:PromptKey"] = "bad-input-prompt-key-0123456789",
        };
        Add("gateway", new ServiceFactory<UpstreamRelay>(With(common, new()
        {
            ["ConnectionStrings:cache"] = TestServers.Redis,
            ["Gateway:Upstream:BaseUrl"] = upstream.BaseUrl.ToString(),
            ["Gateway:Upstream:ApiKey"] = ScriptedUpstream.ApiKey,
            ["Gateway:CaptureBuffer:Directory"] = _folder.CreateSubdirectory("buffer").FullName,
            ["Gateway:CaptureBuffer:EncryptionKey"] = "bad-input-buffer-key",
        })));
        Add("ingest", new ServiceFactory<CallPublisher>(common));
        Add("calls", new ServiceFactory<CallStore>(With(common, new() { ["ConnectionStrings:callsdb"] = CallsDb })));
        Add("tasks", new ServiceFactory<TaskStore>(With(common, new()
        {
            ["ConnectionStrings:tasksdb"] = TasksDb,
            ["ConnectionStrings:cache"] = TestServers.Redis,
            ["VectorStore:Path"] = _folder.CreateSubdirectory("vectors").FullName,
        })));
        Add("training", new ServiceFactory<JobStore>(With(common, new()
        {
            ["ConnectionStrings:trainingdb"] = TrainingDb,
            ["Training:ArtifactsPath"] = artifacts,
        })));
        Add("serving", new ServiceFactory<SpecialistRegistry>(With(common, new() { ["Serving:ArtifactsPath"] = artifacts })));

        foreach (var service in Services)
        {
            Assert.True(await IsHealthyAsync(service), $"{service} did not become healthy.");
        }
    }

    /// <summary>A client of <paramref name="service"/> with no key: the corpus sets the Authorization header itself.</summary>
    public HttpClient Client(string service) => _clients[service]();

    /// <summary>The service's own container, for seeding state no API makes quickly (a trained model).</summary>
    public IServiceProvider ServicesOf(string service) => _services[service]();

    public async Task<bool> IsHealthyAsync(string service)
    {
        using var client = Client(service);
        return await Eventually.ReadAsync(
            async () =>
            {
                using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);
                return response.StatusCode == HttpStatusCode.OK;
            },
            ok => ok, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken, TimeSpan.FromMilliseconds(100));
    }

    /// <summary>The rows the tenant has where an accepted input would have left some.</summary>
    public async Task<IReadOnlyDictionary<string, long>> StoredAsync()
    {
        var token = TestContext.Current.CancellationToken;
        return new Dictionary<string, long>
        {
            ["calls"] = await TestDatabase.CountAsync(CallsDb, "select count(*) from calls where tenant_id = $1", token, TenantId),
            ["parked calls"] = await TestDatabase.CountAsync(CallsDb, "select count(*) from parked_calls", token),
            ["tasks"] = await TestDatabase.CountAsync(TasksDb, "select count(*) from tasks where tenant_id = $1", token, TenantId),
            ["promotion policies"] = await TestDatabase.CountAsync(TasksDb, "select count(*) from promotion_policies where tenant_id = $1", token, TenantId),
            ["specialist routes"] = await TestDatabase.CountAsync(TasksDb, "select count(*) from task_specialists", token),
            ["fine-tune jobs"] = await TestDatabase.CountAsync(TrainingDb, "select count(*) from finetune_jobs where tenant_id = $1", token, TenantId),
            ["api keys"] = await TestDatabase.CountAsync(PlatformDb, "select count(*) from api_keys where tenant_id = $1", token, TenantId) - 1,
            ["captures published"] = Captured.Received.Count,
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }

        NpgsqlConnection.ClearAllPools();
        _folder?.Delete(recursive: true);
    }

    private static Dictionary<string, string> With(Dictionary<string, string> common, Dictionary<string, string> more)
    {
        var settings = new Dictionary<string, string>(common);
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    private void Add<T>(string service, ServiceFactory<T> factory)
        where T : class
    {
        _owned.Add(factory);
        _clients[service] = factory.CreateClient;
        _services[service] = () => factory.Services;
    }
}
