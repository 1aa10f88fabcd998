using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Serving.Model;
using SlmPlatform.Testing;

namespace SlmPlatform.Serving.Benchmarks;

/// <summary>
/// The serving service in-process (WebApplicationFactory, as its functional tests host it: the HTTP pipeline and
/// handlers run, the socket does not), with a stand-in registry holding the two specialists' files, and an API key
/// in a fresh platform database on the run's PostgreSQL.
/// </summary>
internal sealed class ServingHost : IAsyncDisposable
{
    public const string Tenant = "tenant-serving-bench";

    private ServingHost(ServiceFactory<ServingOptions> factory, HttpClient client, SpecialistDescriptor head, SpecialistDescriptor generative)
    {
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
        var head = new SpecialistDescriptor(Guid.NewGuid(), Tenant, Guid.NewGuid(), SpecialistKinds.ClassifierHead, headFile, SlmPlatform.Specialists.Artifacts.ClassifierHeadArtifact.Format, DateTimeOffset.UtcNow);
        var generative = new SpecialistDescriptor(Guid.NewGuid(), Tenant, Guid.NewGuid(), SpecialistKinds.Generative, ggufFile, "gguf-f32", DateTimeOffset.UtcNow);
        var registry = new Registry([head, generative]);
        var factory = new ServiceFactory<ServingOptions>(
            new Dictionary<string, string> { ["ConnectionStrings:platformdb"] = platformDb, ["Logging:LogLevel:Default"] = "Warning", ["Logging:Console:LogLevel:Default"] = "None" },
            services => services.AddSingleton<ISpecialistSource>(registry));
        // WebApplicationFactory reads its manifest (where serving's content root is) from the working directory, as
        // test runners set it; the build writes it beside this program.
        var workingDirectory = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        try
        {
            return new ServingHost(factory, factory.CreateClient(key), head, generative);
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
    }

    /// <summary>The two models; an artifact key is the file's own path here.</summary>
    private sealed class Registry(IReadOnlyList<SpecialistDescriptor> models) : ISpecialistSource
    {
        public Task<IReadOnlyList<SpecialistDescriptor>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SpecialistDescriptor>>([.. models.Where(m => m.TenantId == tenantId)]);

        public Task<SpecialistDescriptor?> FindAsync(string tenantId, Guid modelId, CancellationToken cancellationToken) =>
            Task.FromResult(models.FirstOrDefault(m => m.TenantId == tenantId && m.Id == modelId));

        public Task<Stream?> OpenArtifactAsync(string artifactKey, CancellationToken cancellationToken) =>
            Task.FromResult<Stream?>(File.Exists(artifactKey) ? File.OpenRead(artifactKey) : null);
    }
}
