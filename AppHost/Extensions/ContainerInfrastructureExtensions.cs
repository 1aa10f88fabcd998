namespace SlmPlatform.AppHost.Extensions;

public static class ContainerInfrastructureExtensions
{
    /// <summary>Aspire's own container resources: the deployable shape that the manifest describes.</summary>
    public static PlatformInfrastructure AddContainerInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres(PlatformInfrastructure.PostgresName)
            .WithDataVolume()
            .WithLifetime(ContainerLifetime.Persistent);
        var platformDb = postgres.AddDatabase(PlatformInfrastructure.PlatformDbName);
        var callsDb = postgres.AddDatabase(PlatformInfrastructure.CallsDbName);

        var cache = builder.AddRedis(PlatformInfrastructure.CacheName).WithDataVolume();
        var messaging = builder.AddRabbitMQ(PlatformInfrastructure.MessagingName).WithDataVolume();

        // The vector store for task discovery; its clients come with that work.
        builder.AddContainer("qdrant", "qdrant/qdrant", "v1.15.5")
            .WithHttpEndpoint(targetPort: 6333, name: "http")
            .WithEndpoint(targetPort: 6334, name: "grpc", scheme: "http")
            .WithVolume("qdrant-data", "/qdrant/storage");

        return new PlatformInfrastructure(
            InfrastructureMode.Containers,
            Same(postgres),
            Same(platformDb),
            Same(callsDb),
            Same(cache),
            Same(messaging));
    }

    private static InfrastructureReference Same<T>(IResourceBuilder<T> resource) where T : IResourceWithConnectionString =>
        new((IResourceBuilder<IResourceWithConnectionString>)resource, (IResourceBuilder<IResource>)resource);
}
