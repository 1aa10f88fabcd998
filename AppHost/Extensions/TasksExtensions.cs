namespace SlmPlatform.AppHost.Extensions;

public static class TasksExtensions
{
    private const string Name = "tasks";

    /// <summary>
    /// The tasks service with its vector store: Qdrant where the containers run it; otherwise the service's embedded
    /// index in the state folder, so embeddings outlive the AppHost like the data they index, or, for replicas (which
    /// must share their vectors) or when <c>VectorStore:Provider</c> says so, the tasks database.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddTasks(this IDistributedApplicationBuilder builder, PlatformInfrastructure infrastructure)
    {
        var tasks = builder.AddProject<Projects.TaskDiscovery>(Name)
            .WithReference(infrastructure.TasksDb)
            .WithReference(infrastructure.Cache);
        if (infrastructure.Qdrant is { } qdrant)
        {
            tasks.WithEnvironment("VectorStore__Provider", "qdrant")
                .WithEnvironment("VectorStore__Endpoint", qdrant.GetEndpoint("grpc"))
                .WaitFor(qdrant);
        }
        else if (builder.ConfiguredReplicas(Name) > 1 || builder.Configuration["VectorStore:Provider"] is "postgres")
        {
            tasks.WithEnvironment("VectorStore__Provider", "postgres");
        }
        else if (infrastructure.State is { } state)
        {
            tasks.WithEnvironment("VectorStore__Path", state.Folder("vectors"));
        }

        return tasks.WithConfiguredReplicas();
    }
}
