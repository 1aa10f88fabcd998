namespace SlmPlatform.AppHost.Extensions;

public static class TasksExtensions
{
    /// <summary>
    /// The tasks service with its vector store: Qdrant where the containers run it, otherwise the service's embedded
    /// index in the state folder, so embeddings outlive the AppHost like the data they index.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddTasks(this IDistributedApplicationBuilder builder, PlatformInfrastructure infrastructure)
    {
        var tasks = builder.AddProject<Projects.TaskDiscovery>("tasks")
            .WithReference(infrastructure.TasksDb)
            .WithReference(infrastructure.Cache);
        if (infrastructure.Qdrant is { } qdrant)
        {
            tasks.WithEnvironment("VectorStore__Provider", "qdrant")
                .WithEnvironment("VectorStore__Endpoint", qdrant.GetEndpoint("grpc"))
                .WaitFor(qdrant);
        }
        else if (infrastructure.State is { } state)
        {
            tasks.WithEnvironment("VectorStore__Path", state.Folder("vectors"));
        }

        return tasks.WithConfiguredReplicas(infrastructure.Qdrant is null
            ? "its embedded vector index lives in one process (containers mode runs Qdrant, which replicas share)"
            : null);
    }
}
