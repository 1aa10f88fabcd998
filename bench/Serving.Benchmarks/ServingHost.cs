using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Serving.Model;
using SlmPlatform.Testing;

namespace SlmPlatform.Serving.Benchmarks;

/// <summary>
/// The serving service in-process (WebApplicationFactory, as its functional tests host it: the HTTP pipeline and
/// handlers run, the socket does not), with the two specialists' files copied into a temporary artifact store and
/// recorded in serving's own registry, and an API key in a fresh platform database on the run's PostgreSQL.
/// </summary>
internal sealed class ServingHost : IAsyncDisposable
{
    public const string Tenant = "tenant-serving-bench";

    private readonly string _artifacts;

    private ServingHost(ServiceFactory<ServingOptions> factory, HttpClient client, SpecialistDescriptor head, SpecialistDescriptor generative, string artifacts)
    {
        _artifacts = artifacts;
        Factory = factory;
        Client = client;
        Head = head;
        Generative = generative;
    }

    public ServiceFactory<ServingOptions> Factory { get; }

    public HttpClient Client { get; }

    public SpecialistDescriptor Head { get; }

    public SpecialistDescriptor Generative { get; }

    public static async Task<ServingHost> StartAsync(string headFile, string ggufFile)
    {
        var platformDb = await TestDatabase.CreateAsync("platformdb", CancellationToken.None);
        var key = await TestApiKeys.CreateAsync(platformDb, Tenant, CancellationToken.None);
        var artifacts = Directory.CreateTempSubdirectory("slm-serving-bench-").FullName;
        var registry = new SpecialistRegistry(artifacts);
        var head = await AddAsync(registry, artifacts, headFile, SpecialistKinds.ClassifierHead, SlmPlatform.Specialists.Artifacts.ClassifierHeadArtifact.Format);
        var generative = await AddAsync(registry, artifacts, ggufFile, SpecialistKinds.Generative, "gguf-f32");
        var factory = new ServiceFactory<ServingOptions>(new Dictionary<string, string>
        {
            ["ConnectionStrings:platformdb"] = platformDb, ["Serving:ArtifactsPath"] = artifacts,
            ["Logging:LogLevel:Default"] = "Warning", ["Logging:Console:LogLevel:Default"] = "None",
        });
        // WebApplicationFactory reads its manifest (where serving's content root is) from the working directory, as
        // test runners set it; the build writes it beside this program.
        var workingDirectory = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        try
        {
            return new ServingHost(factory, factory.CreateClient(key), head, generative, artifacts);
        }
        finally
        {
            Directory.SetCurrentDirectory(workingDirectory);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        Directory.Delete(_artifacts, recursive: true);
    }

    private static async Task<SpecialistDescriptor> AddAsync(SpecialistRegistry registry, string artifacts, string file, string kind, string format)
    {
        var id = Guid.NewGuid();
        var key = $"{Tenant}/models/{id}{Path.GetExtension(file)}";
        var path = SlmPlatform.Specialists.Artifacts.ArtifactKeys.Resolve(artifacts, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Copy(file, path);
        var descriptor = new SpecialistDescriptor(id, Tenant, Guid.NewGuid(), kind, key, format, DateTimeOffset.UtcNow);
        await registry.RememberAsync(descriptor, CancellationToken.None);
        return descriptor;
    }
}
