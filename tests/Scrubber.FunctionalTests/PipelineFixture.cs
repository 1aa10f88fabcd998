using CallStore = SlmPlatform.Scrubber.Infrastructure.CallStore;
using CallPublisher = SlmPlatform.Ingest.Infrastructure.CallPublisher;

namespace SlmPlatform.Scrubber.FunctionalTests;

/// <summary>
/// Ingest and the calls service (the scrubber) in-process on one virtual host and fresh databases, with a queue that
/// records every CallScrubbed. Two tenants, to show that one never sees the other's calls.
/// </summary>
public class PipelineFixture : IAsyncLifetime
{
    public const string TenantA = "tenant-a";
    public const string TenantB = "tenant-b";
    public const string ServiceKey = "test-service-key-0123456789abcdef";

    public ServiceFactory<CallPublisher> Ingest { get; private set; } = null!;

    public ServiceFactory<CallStore> Calls { get; private set; } = null!;

    public string CallsDb { get; private set; } = null!;

    public string PlatformDb { get; private set; } = null!;

    public string KeyA { get; private set; } = null!;

    public string KeyB { get; private set; } = null!;

    public CapturingQueue Scrubbed { get; private set; } = null!;

    public string Messaging { get; private set; } = null!;

    /// <summary>The calls service's way to its database, where <see cref="ProxyTheDatabase"/> asks for one.</summary>
    public TcpProxy? DatabaseProxy { get; private set; }

    protected virtual bool ProxyTheDatabase => false;

    /// <summary>Settings a fixture adds to the services'.</summary>
    protected virtual IReadOnlyDictionary<string, string> MoreSettings => new Dictionary<string, string>();

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        var platformDb = PlatformDb = await TestDatabase.CreateAsync("platformdb", token);
        CallsDb = await TestDatabase.CreateAsync("callsdb", token);
        var messaging = Messaging = await TestVirtualHost.CreateAsync(token);
        KeyA = await TestApiKeys.CreateAsync(platformDb, TenantA, token);
        KeyB = await TestApiKeys.CreateAsync(platformDb, TenantB, token);
        Scrubbed = await CapturingQueue.BindAsync(messaging, typeof(CallScrubbed), token);

        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:platformdb"] = platformDb,
            ["ConnectionStrings:callsdb"] = ProxyTheDatabase ? ThroughProxy(CallsDb) : CallsDb,
            ["ConnectionStrings:messaging"] = messaging,
            ["ConnectionStrings:cache"] = TestServers.Redis,
            ["Platform:TrustedServices:training"] = ServiceKey,
        };
        foreach (var (key, value) in MoreSettings)
        {
            settings[key] = value;
        }

        Calls = new ServiceFactory<CallStore>(settings);
        Ingest = new ServiceFactory<CallPublisher>(settings);

        // The scrubber's queue must exist before ingest publishes, as the AppHost ensures by starting it first.
        _ = Calls.Server;
        await WaitUntilHealthyAsync(Calls.CreateClient(), token);
    }

    private string ThroughProxy(string connectionString)
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        DatabaseProxy = TcpProxy.Start(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, database.Port));
        database.Host = "127.0.0.1";
        database.Port = DatabaseProxy.Port;
        return database.ConnectionString;
    }

    /// <summary>Polls the calls API until the call is stored, or gives up after the timeout.</summary>
    public async Task<JsonElement?> WaitForCallAsync(string apiKey, string id, TimeSpan timeout)
    {
        using var client = Calls.CreateClient(apiKey);
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await client.GetAsync($"/api/calls/{Uri.EscapeDataString(id)}", TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return null;
    }

    private static async Task WaitUntilHealthyAsync(HttpClient client, CancellationToken token)
    {
        using (client)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                using var response = await client.GetAsync("/health", token);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                await Task.Delay(100, token);
            }
        }

        throw new TimeoutException("The calls service did not become healthy.");
    }

    public async ValueTask DisposeAsync()
    {
        if (Scrubbed is not null)
        {
            await Scrubbed.DisposeAsync();
        }

        if (Ingest is not null)
        {
            await Ingest.DisposeAsync();
        }

        if (Calls is not null)
        {
            await Calls.DisposeAsync();
        }

        if (DatabaseProxy is not null)
        {
            await DatabaseProxy.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
