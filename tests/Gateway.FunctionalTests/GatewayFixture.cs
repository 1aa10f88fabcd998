using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;
using SlmPlatform.Gateway.Infrastructure;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>
/// The gateway in-process in front of a <see cref="ScriptedUpstream"/>, on the test run's PostgreSQL (API keys) and
/// RabbitMQ (its own virtual host, optionally behind a <see cref="TcpProxy"/>), with a queue recording every capture.
/// </summary>
public class GatewayFixture : IAsyncLifetime
{
    public const string TenantId = "tenant-gateway-tests";
    private DirectoryInfo? _buffer;

    public ScriptedUpstream Upstream { get; private set; } = null!;

    public ServiceFactory<UpstreamRelay> Gateway { get; private set; } = null!;

    public CapturingQueue Captured { get; private set; } = null!;

    public string ApiKey { get; private set; } = null!;

    /// <summary>The gateway's platform database, for keys made as an operator would.</summary>
    public string PlatformDb { get; private set; } = null!;

    /// <summary>Set in fixtures that put the broker behind a proxy they can cut.</summary>
    public TcpProxy? BrokerProxy { get; private set; }

    protected virtual bool ProxyTheBroker => false;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        Upstream = await ScriptedUpstream.StartAsync();
        var platformDb = PlatformDb = await TestDatabase.CreateAsync("platformdb", token);
        ApiKey = await TestApiKeys.CreateAsync(platformDb, TenantId, token);
        var messaging = await TestVirtualHost.CreateAsync(token);
        Captured = await CapturingQueue.BindAsync(messaging, typeof(CallCaptured), token);
        if (ProxyTheBroker)
        {
            var broker = new Uri(messaging);
            BrokerProxy = TcpProxy.Start(new IPEndPoint(IPAddress.Loopback, broker.Port));
            messaging = new UriBuilder(broker) { Port = BrokerProxy.Port }.Uri.ToString();
        }

        _buffer = Directory.CreateTempSubdirectory("slm-gateway-buffer-");
        SeedBuffer(_buffer.FullName);
        Settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:platformdb"] = platformDb,
            ["ConnectionStrings:messaging"] = messaging,
            ["Gateway:Upstream:BaseUrl"] = Upstream.BaseUrl.ToString(),
            ["Gateway:Upstream:ApiKey"] = ScriptedUpstream.ApiKey,
            ["Gateway:CaptureBuffer:Directory"] = _buffer.FullName,
            ["Gateway:CaptureBuffer:EncryptionKey"] = BufferKey,
            ["Gateway:CaptureBuffer:PublishTimeout"] = "00:00:02",
        };
        foreach (var (key, value) in await MoreSettingsAsync())
        {
            ((Dictionary<string, string>)Settings)[key] = value;
        }

        Gateway = new ServiceFactory<UpstreamRelay>(Settings);
    }

    public const string BufferKey = "test-buffer-key";

    /// <summary>Lets a derived fixture leave captures in the buffer, as an earlier run of the gateway would have.</summary>
    protected virtual void SeedBuffer(string directory)
    {
    }

    /// <summary>Settings a derived fixture adds (routing, say).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> MoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    /// <summary>The gateway's configuration, for tests that need a second instance (on real Kestrel, say).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private set; } = null!;

    /// <summary>The official OpenAI SDK pointed at the gateway, unchanged but for its endpoint, transport and retries.</summary>
    public ChatClient ChatClient(string model = "gpt-4o-mini") => new(model, new ApiKeyCredential(ApiKey), new OpenAIClientOptions
    {
        Endpoint = new Uri(Gateway.Server.BaseAddress, "v1"),
        Transport = new HttpClientPipelineTransport(Gateway.CreateClient()),
        RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
    });

    public HttpClient HttpClient() => Gateway.CreateClient(ApiKey);

    /// <summary>The capture whose request mentions <paramref name="marker"/>, as the scrubber will receive it.</summary>
    public async Task<JsonElement> CaptureOfAsync(string marker)
    {
        var messages = await Captured.WaitForAsync(marker, 1, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.NotEmpty(messages);
        return JsonDocument.Parse(messages[0].Envelope).RootElement.GetProperty("message");
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (Captured is not null)
        {
            await Captured.DisposeAsync();
        }

        if (Upstream is not null)
        {
            await Upstream.DisposeAsync();
        }

        if (BrokerProxy is not null)
        {
            await BrokerProxy.DisposeAsync();
        }

        _buffer?.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same gateway, but reaching the broker through a proxy that tests cut to simulate an outage.</summary>
public sealed class OutageGatewayFixture : GatewayFixture
{
    protected override bool ProxyTheBroker => true;
}
