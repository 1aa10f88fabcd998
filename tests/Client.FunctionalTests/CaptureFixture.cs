using System.ClientModel;
using Microsoft.Extensions.DependencyInjection;
using OpenAI;
using SlmPlatform.Ingest.Infrastructure;

namespace SlmPlatform.Client.FunctionalTests;

/// <summary>
/// An agent's IChatClient (the OpenAI provider against a <see cref="ScriptedUpstream"/>) with UseSlmCapture shipping to
/// the real ingest service, whose CallCaptured messages a queue records.
/// </summary>
public sealed class CaptureFixture : IAsyncLifetime
{
    public ScriptedUpstream Upstream { get; private set; } = null!;

    public ServiceFactory<CallPublisher> Ingest { get; private set; } = null!;

    public CapturingQueue Captured { get; private set; } = null!;

    public string ApiKey { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        Upstream = await ScriptedUpstream.StartAsync();
        var platformDb = await TestDatabase.CreateAsync("platformdb", token);
        ApiKey = await TestApiKeys.CreateAsync(platformDb, "tenant-client-tests", token);
        var messaging = await TestVirtualHost.CreateAsync(token);
        Captured = await CapturingQueue.BindAsync(messaging, typeof(CallCaptured), token);
        Ingest = new ServiceFactory<CallPublisher>(new Dictionary<string, string>
        {
            ["ConnectionStrings:platformdb"] = platformDb,
            ["ConnectionStrings:messaging"] = messaging,
        });
    }

    /// <summary>The provider's own client, as an agent would build it, with capture added in one line.</summary>
    public (IChatClient Client, SlmCaptureShipper Shipper) CreateAgentClient(string agent, string? workload, Uri? ingest = null)
    {
        var options = new SlmCaptureOptions
        {
            ApiKey = ApiKey,
            IngestEndpoint = ingest ?? Ingest.Server.BaseAddress,
            Agent = agent,
            Workload = workload,
            FlushInterval = TimeSpan.FromMilliseconds(100),
            MaxAttempts = 2,
        };
        var shipper = new SlmCaptureShipper(options, ingest is null ? Ingest.CreateClient() : new HttpClient());
        var services = new ServiceCollection().AddSingleton(shipper).BuildServiceProvider();
        var provider = new OpenAIClient(new ApiKeyCredential(ScriptedUpstream.ApiKey), new OpenAIClientOptions { Endpoint = Upstream.BaseUrl })
            .GetChatClient("gpt-4o-mini")
            .AsIChatClient();
        var client = provider.AsBuilder()
            .UseSlmCapture(o => (o.Agent, o.Workload) = (agent, workload))
            .Build(services);
        return (client, shipper);
    }

    public async Task<JsonElement> CaptureOfAsync(string marker)
    {
        var messages = await Captured.WaitForAsync(marker, 1, TimeSpan.FromSeconds(15), TestContext.Current.CancellationToken);
        Assert.NotEmpty(messages);
        return JsonDocument.Parse(messages[0].Envelope).RootElement.GetProperty("message");
    }

    public async ValueTask DisposeAsync()
    {
        if (Ingest is not null)
        {
            await Ingest.DisposeAsync();
        }

        if (Captured is not null)
        {
            await Captured.DisposeAsync();
        }

        if (Upstream is not null)
        {
            await Upstream.DisposeAsync();
        }
    }
}
