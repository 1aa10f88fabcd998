using System.Net;
using System.Security.Cryptography;
using Npgsql;
using SlmPlatform.Testing;

namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// The part of the platform that accepts calls, each service a process of its own as deployed: ingest, the gateway (in
/// front of a stand-in upstream) and the scrubber, on fresh databases and a fresh virtual host. The services reach
/// PostgreSQL, RabbitMQ and Redis through TCP proxies that a scenario can cut, hold or slow; the checker reads the
/// servers directly.
/// </summary>
internal sealed class FaultPlatform : IAsyncDisposable
{
    public const string TenantId = "tenant-fault-suite";

    /// <summary>A second tenant, for the soak's noisy neighbour.</summary>
    public const string NoisyTenantId = "tenant-fault-suite-noisy";
    public const string Ingest = "ingest";
    public const string Gateway = "gateway";
    public const string Scrubber = "scrubber";
    public const string Tasks = "tasks";
    public const string Serving = "serving";
    public const string Training = "training";

    private readonly FaultOptions _options;
    private readonly Dictionary<string, ServiceProcess> _services = [];
    private readonly Dictionary<string, Uri> _addresses = [];
    private readonly Dictionary<string, string?> _environment;
    private readonly ScriptedUpstream _upstream;
    private readonly DirectoryInfo _workspace;

    private FaultPlatform(
        FaultOptions options, string platformDb, string callsDb, string messaging, string apiKey, string noisyApiKey, TcpProxy postgresProxy, TcpProxy rabbitProxy,
        TcpProxy redisProxy, ScriptedUpstream upstream, DirectoryInfo workspace, SmallDisk? captureDisk, string? tasksDb, string? trainingDb,
        Dictionary<string, string?> environment)
    {
        TasksDb = tasksDb;
        TrainingDb = trainingDb;
        RedisProxy = redisProxy;
        CaptureDisk = captureDisk;
        _options = options;
        PlatformDb = platformDb;
        CallsDb = callsDb;
        Messaging = messaging;
        ApiKey = apiKey;
        NoisyApiKey = noisyApiKey;
        PostgresProxy = postgresProxy;
        RabbitProxy = rabbitProxy;
        _upstream = upstream;
        _workspace = workspace;
        _environment = environment;
    }

    /// <summary>The platform database (keys), directly.</summary>
    public string PlatformDb { get; }

    /// <summary>The calls database, directly (not through the proxy): what the checker reads.</summary>
    public string CallsDb { get; }

    /// <summary>Task discovery's database, directly, where it runs.</summary>
    public string? TasksDb { get; }

    /// <summary>Training's database, directly, where it runs.</summary>
    public string? TrainingDb { get; }

    /// <summary>The virtual host, directly.</summary>
    public string Messaging { get; }

    public string ApiKey { get; }

    public string NoisyApiKey { get; }

    public TcpProxy PostgresProxy { get; }

    public TcpProxy RabbitProxy { get; }

    public TcpProxy RedisProxy { get; }

    /// <summary>The small disk the gateway's capture buffer is on, in the scenarios that fill it.</summary>
    public SmallDisk? CaptureDisk { get; }

    /// <summary>Where the services' logs and the gateway's capture buffer are: searched for personal data at the end.</summary>
    public DirectoryInfo Workspace => _workspace;

    public Uri Address(string service) => _addresses[service];

    /// <summary>
    /// Starts the services; <paramref name="permitsPerSecond"/> is each tenant's rate limit (0, the default: none,
    /// as one tenant drives the fault scenarios); <paramref name="captureDiskBytes"/> puts the gateway's capture
    /// buffer on a small disk of its own; <paramref name="filesCalls"/> adds task discovery (its embedded vector index
    /// in the workspace, as the AppHost runs it locally); <paramref name="serves"/> adds serving, with a specialist routed
    /// in full for the gateway's call site (<see cref="RoutedSpecialist"/>); <paramref name="trains"/> adds training (with
    /// task discovery, which it reads calls from, and serving, which it evaluates models on).
    /// </summary>
    public static async Task<FaultPlatform> StartAsync(
        FaultOptions options, CancellationToken cancellationToken, int permitsPerSecond = 0, long? captureDiskBytes = null, bool filesCalls = false, bool serves = false,
        bool trains = false)
    {
        if (trains && options.Training is null)
        {
            throw new InvalidOperationException("This scenario trains a model: pass --training-dll (bench/run-fault-suite.sh does).");
        }

        filesCalls |= trains;
        var startsServing = serves || trains;
        if (filesCalls && options.Tasks is null)
        {
            throw new InvalidOperationException("This scenario files calls: pass --tasks-dll (bench/run-fault-suite.sh does).");
        }

        if (startsServing && options.Serving is null)
        {
            throw new InvalidOperationException("This scenario routes calls to a specialist: pass --serving-dll (bench/run-fault-suite.sh does).");
        }

        var platformDb = await TestDatabase.CreateAsync("platformdb", cancellationToken);
        var callsDb = await TestDatabase.CreateAsync("callsdb", cancellationToken);
        var tasksDb = filesCalls ? await TestDatabase.CreateAsync("tasksdb", cancellationToken) : null;
        var trainingDb = trains ? await TestDatabase.CreateAsync("trainingdb", cancellationToken) : null;
        var messaging = await TestVirtualHost.CreateAsync(cancellationToken);
        var apiKey = await TestApiKeys.CreateAsync(platformDb, TenantId, cancellationToken);
        var noisyApiKey = await TestApiKeys.CreateAsync(platformDb, NoisyTenantId, cancellationToken);
        var postgres = new NpgsqlConnectionStringBuilder(TestServers.Postgres);
        var postgresProxy = TcpProxy.Start(new IPEndPoint(IPAddress.Loopback, postgres.Port));
        var rabbit = new Uri(messaging);
        var rabbitProxy = TcpProxy.Start(new IPEndPoint(IPAddress.Loopback, rabbit.Port));
        var redisPort = RedisPort(TestServers.Redis);
        var redisProxy = TcpProxy.Start(new IPEndPoint(IPAddress.Loopback, redisPort));
        var captureDisk = captureDiskBytes is { } bytes
            ? SmallDisk.TryMount(bytes) ?? throw new InvalidOperationException(SmallDisk.CannotMount)
            : null;
        var upstream = await ScriptedUpstream.StartAsync();
        var workspace = Directory.CreateTempSubdirectory("slm-fault-suite-");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // Information, as deployed: the logs are searched for personal data too.
            ["Logging__LogLevel__Default"] = "Information",
            ["ConnectionStrings__platformdb"] = ThroughProxy(platformDb, postgresProxy),
            ["ConnectionStrings__callsdb"] = ThroughProxy(callsDb, postgresProxy),
            ["ConnectionStrings__messaging"] = new UriBuilder(rabbit) { Port = rabbitProxy.Port }.Uri.ToString(),
            ["ConnectionStrings__cache"] = TestServers.Redis.Replace($":{redisPort}", $":{redisProxy.Port}", StringComparison.Ordinal),
            ["Platform__ServiceKey"] = "fault-suite-service-key-0123456789abcdef",
            ["Routing__PromptKey"] = "fault-suite-prompt-key-0123456789abcdef",
            ["Scrubbing__SurrogateKey"] = "fault-suite-surrogate-key-0123456789abcdef",
            ["RateLimits__PermitsPerSecond"] = permitsPerSecond.ToString(CultureInfo.InvariantCulture),
            ["RateLimits__Burst"] = (2 * permitsPerSecond).ToString(CultureInfo.InvariantCulture),
            ["Gateway__Upstream__BaseUrl"] = upstream.BaseUrl.ToString(),
            ["Gateway__Upstream__ApiKey"] = ScriptedUpstream.ApiKey,
            ["Gateway__CaptureBuffer__Directory"] = Path.Combine(captureDisk?.Path ?? workspace.FullName, "capture-buffer"),
            ["Gateway__CaptureBuffer__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["TMPDIR"] = Path.Combine(workspace.FullName, "tmp"),
            // As the AppHost and the cluster run these services (AppHost/Extensions/NativeMemoryExtensions.cs).
            ["MALLOC_ARENA_MAX"] = "2",
        };
        if (tasksDb is not null)
        {
            environment["ConnectionStrings__tasksdb"] = ThroughProxy(tasksDb, postgresProxy);
            environment["VectorStore__Path"] = Path.Combine(workspace.FullName, "vectors");
        }

        var artifacts = Path.Combine(workspace.FullName, "artifacts");
        if (startsServing)
        {
            environment["Serving__ArtifactsPath"] = artifacts;
            // Serving takes the gateway's calls on its service key, as the AppHost sets it up.
            environment["Platform__TrustedServices__gateway"] = environment["Platform__ServiceKey"];
        }

        if (trainingDb is not null)
        {
            environment["ConnectionStrings__trainingdb"] = ThroughProxy(trainingDb, postgresProxy);
            environment["Training__ArtifactsPath"] = artifacts;
            // Task discovery, the calls service and serving take training's requests, as the AppHost sets them up.
            environment["Platform__TrustedServices__training"] = environment["Platform__ServiceKey"];
        }

        Directory.CreateDirectory(environment["TMPDIR"]!);
        var platform = new FaultPlatform(
            options, platformDb, callsDb, messaging, apiKey, noisyApiKey, postgresProxy, rabbitProxy, redisProxy, upstream, workspace, captureDisk, tasksDb, trainingDb, environment);
        try
        {
            // The scrubber first: it declares the queue and bindings ingest and the gateway publish into; task
            // discovery next, for the same reason with the scrubber's stored calls.
            // Each service after those it is told the address of: training after the calls service, task discovery
            // and serving; the gateway after serving.
            string[] order =
            [
                Scrubber, .. tasksDb is null ? Array.Empty<string>() : [Tasks], .. startsServing ? [Serving] : Array.Empty<string>(),
                .. trains ? [Training] : Array.Empty<string>(), Ingest, Gateway,
            ];
            foreach (var service in order)
            {
                await platform.StartServiceAsync(service, cancellationToken);
                switch (service)
                {
                    case Scrubber:
                        environment["Services__CallsBaseUrl"] = platform.Address(Scrubber).ToString();
                        break;
                    case Tasks:
                        environment["Services__TasksBaseUrl"] = platform.Address(Tasks).ToString();
                        break;
                    case Serving:
                        environment["Gateway__Specialists__ServingUrl"] = platform.Address(Serving).ToString();
                        environment["Evaluation__ServingUrl"] = platform.Address(Serving).ToString();
                        break;
                }
            }

            if (serves)
            {
                await RoutedSpecialist.PutInServiceAsync(platform, artifacts, cancellationToken);
            }

            return platform;
        }
        catch
        {
            await platform.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the service as the OOM killer would (SIGKILL): nothing it held in memory survives.</summary>
    public async Task KillAsync(string service)
    {
        await _services[service].KillAsync();
        await _services[service].DisposeAsync();
        _services.Remove(service);
    }

    /// <summary>Starts the service again where it listened before, with the same settings (and the gateway's buffer).</summary>
    public Task RestartAsync(string service, CancellationToken cancellationToken) => StartServiceAsync(service, cancellationToken);

    public IEnumerable<ServiceProcess> Running => _services.Values;

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services.Values)
        {
            await service.DisposeAsync();
        }

        _services.Clear();
        await _upstream.DisposeAsync();
        await PostgresProxy.DisposeAsync();
        await RabbitProxy.DisposeAsync();
        await RedisProxy.DisposeAsync();
        CaptureDisk?.Dispose();
        _workspace.Delete(recursive: true);
    }

    private async Task StartServiceAsync(string service, CancellationToken cancellationToken)
    {
        var dll = service switch
        {
            Ingest => _options.Ingest,
            Gateway => _options.Gateway,
            Tasks => _options.Tasks!,
            Serving => _options.Serving!,
            Training => _options.Training!,
            _ => _options.Scrubber,
        };
        _addresses.TryGetValue(service, out var address);
        var started = await ServiceProcess.StartAsync(
            service, dll, _environment, cancellationToken, baseAddress: address, outputFile: Path.Combine(_workspace.FullName, $"{service}.log"));
        _services[service] = started;
        _addresses[service] = started.BaseAddress;
    }

    /// <summary>The port of a Redis connection string (<c>host:port[,options]</c>).</summary>
    private static int RedisPort(string connectionString) =>
        int.Parse(connectionString.Split(',')[0].Split(':')[^1], CultureInfo.InvariantCulture);

    private static string ThroughProxy(string connectionString, TcpProxy proxy) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = proxy.Port }.ConnectionString;
}
