namespace SlmPlatform.AppHost.Extensions;

public static class ContainerInfrastructureExtensions
{
    /// <summary>Aspire's own container resources: the deployable shape that the manifest describes.</summary>
    public static PlatformInfrastructure AddContainerInfrastructure(this IDistributedApplicationBuilder builder)
    {
        // Volumes are named explicitly: the default names hash the AppHost's path, which would make the manifest
        // differ between clones.
        var postgres = builder.AddPostgres(PlatformInfrastructure.PostgresName)
            .WithDataVolume("slm-postgres-data")
            .WithLifetime(ContainerLifetime.Persistent);
        var platformDb = postgres.AddDatabase(PlatformInfrastructure.PlatformDbName);
        var callsDb = postgres.AddDatabase(PlatformInfrastructure.CallsDbName);
        var tasksDb = postgres.AddDatabase(PlatformInfrastructure.TasksDbName);
        var trainingDb = postgres.AddDatabase(PlatformInfrastructure.TrainingDbName);

        var cache = builder.AddRedis(PlatformInfrastructure.CacheName).WithDataVolume("slm-cache-data");
        var messaging = builder.AddRabbitMQ(PlatformInfrastructure.MessagingName).WithDataVolume("slm-messaging-data");

        // The vector store for task discovery.
        var qdrant = builder.AddContainer("qdrant", "qdrant/qdrant", "v1.15.5")
            .WithHttpEndpoint(targetPort: 6333, name: "http")
            .WithEndpoint(targetPort: 6334, name: "grpc", scheme: "http")
            .WithVolume("slm-qdrant-data", "/qdrant/storage");

        return new PlatformInfrastructure(
            InfrastructureMode.Containers,
            Same(postgres),
            Same(platformDb),
            Same(callsDb),
            Same(tasksDb),
            Same(trainingDb),
            Same(cache),
            Same(messaging))
        {
            Qdrant = qdrant,
        };
    }

    private static InfrastructureReference Same<T>(IResourceBuilder<T> resource) where T : IResourceWithConnectionString =>
        new((IResourceBuilder<IResourceWithConnectionString>)resource, (IResourceBuilder<IResource>)resource);
}
