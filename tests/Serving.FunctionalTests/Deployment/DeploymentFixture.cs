using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Contracts;
using SlmPlatform.Serving.Infrastructure;

namespace SlmPlatform.Serving.FunctionalTests.Deployment;

/// <summary>
/// Serving twice, each on a RabbitMQ virtual host of its own: <see cref="Reachable"/> with a stand-in Ollama and vLLM
/// (<see cref="FakeOllama"/>, <see cref="FakeVllm"/>), and <see cref="Unreachable"/> whose Ollama and vLLM URLs are
/// closed ports. A queue on each host captures the <see cref="ModelDeployed"/> events. Serving's registry is its own,
/// in the artifact store folder both share.
/// </summary>
public sealed class DeploymentFixture : IAsyncLifetime
{
    public const string Tenant = "tenant-deploy-a";
    public const string OtherTenant = "tenant-deploy-b";
    public const string EmbeddedUrl = "http://serving.test:5105/";
    public const string VllmArtifactsPath = "/mnt/slm-artifacts";

    public DeployableRegistry Registry { get; } = new(Path.Combine(Path.GetTempPath(), $"slm-deploy-tests-{Guid.NewGuid():N}"));

    public FakeOllama Ollama { get; private set; } = null!;

    public FakeVllm Vllm { get; private set; } = null!;

    public ServiceFactory<ServingOptions> Reachable { get; private set; } = null!;

    public ServiceFactory<ServingOptions> Unreachable { get; private set; } = null!;

    public CapturingQueue ReachableDeployed { get; private set; } = null!;

    public CapturingQueue UnreachableDeployed { get; private set; } = null!;

    /// <summary>The messages <see cref="Reachable"/> has finished consuming.</summary>
    public ConsumedMessages ReachableConsumed { get; } = new();

    public string Key { get; private set; } = null!;

    public string OtherKey { get; private set; } = null!;

    private string _platformDb = null!;

    public async ValueTask InitializeAsync()
    {
        var token = TestContext.Current.CancellationToken;
        var platformDb = _platformDb = await TestDatabase.CreateAsync("platformdb", token);
        Key = await TestApiKeys.CreateAsync(platformDb, Tenant, token);
        OtherKey = await TestApiKeys.CreateAsync(platformDb, OtherTenant, token);
        Directory.CreateDirectory(Registry.Root);
        Ollama = await FakeOllama.StartAsync();
        Vllm = await FakeVllm.StartAsync();

        var reachableBus = await TestVirtualHost.CreateAsync(token);
        ReachableDeployed = await CapturingQueue.BindAsync(reachableBus, typeof(ModelDeployed), token);
        Reachable = Start(platformDb, reachableBus, Ollama.BaseUrl, Vllm.BaseUrl, ReachableConsumed);

        var unreachableBus = await TestVirtualHost.CreateAsync(token);
        UnreachableDeployed = await CapturingQueue.BindAsync(unreachableBus, typeof(ModelDeployed), token);
        var closed = ClosedUrl();
        Unreachable = Start(platformDb, unreachableBus, closed, closed, new ConsumedMessages());

        foreach (var factory in new[] { Reachable, Unreachable })
        {
            await factory.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in new IAsyncDisposable?[] { Reachable, Unreachable, ReachableDeployed, UnreachableDeployed, Ollama, Vllm })
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }

        if (Directory.Exists(Registry.Root))
        {
            Directory.Delete(Registry.Root, recursive: true);
        }
    }

    private ServiceFactory<ServingOptions> Start(string platformDb, string messaging, Uri ollama, Uri vllm, ConsumedMessages consumed) => new(new Dictionary<string, string>
    {
        ["ConnectionStrings:platformdb"] = platformDb,
        ["ConnectionStrings:messaging"] = messaging,
        ["Serving:ArtifactsPath"] = Registry.Root,
        ["Serving:Deploy:EmbeddedUrl"] = EmbeddedUrl,
        ["Serving:Deploy:Attempts"] = "2",
        ["Serving:Deploy:RetryDelay"] = "00:00:00.05",
        ["Serving:Deploy:Ollama:Url"] = ollama.ToString(),
        ["Serving:Deploy:Vllm:Url"] = vllm.ToString(),
        ["Serving:Deploy:Vllm:ApiKey"] = FakeVllm.ApiKey,
        ["Serving:Deploy:Vllm:ArtifactsPath"] = VllmArtifactsPath,
    }, services => services.AddConsumeObserver(_ => consumed));

    /// <summary>
    /// Another serving over the same artifact store, as <see cref="Reachable"/> would come back after a restart (without
    /// the bus, which it does not need to answer). The caller disposes it.
    /// </summary>
    public ServiceFactory<ServingOptions> Restarted() => new(new Dictionary<string, string>
    {
        ["ConnectionStrings:platformdb"] = _platformDb,
        ["Serving:ArtifactsPath"] = Registry.Root,
        ["Serving:Deploy:Vllm:Url"] = Vllm.BaseUrl.ToString(),
        ["Serving:Deploy:Vllm:ApiKey"] = FakeVllm.ApiKey,
    });

    /// <summary>A closed port's URL: taken from the system, then released.</summary>
    public static Uri ClosedUrl() => new($"http://127.0.0.1:{ClosedPort()}");

    /// <summary>A port nothing listens on: taken from the system, then released.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
