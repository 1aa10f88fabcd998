namespace SlmPlatform.AppHost.Extensions;

/// <summary>
/// A piece of infrastructure as services see it: a connection string to reference, and the resource whose health
/// says it can be used. The two differ in local mode, where a database is a connection string on a server process.
/// </summary>
public sealed record InfrastructureReference(
    IResourceBuilder<IResourceWithConnectionString> ConnectionString,
    IResourceBuilder<IResource> Readiness);

/// <summary>What the services connect to. The connection names are the same in every mode.</summary>
public sealed record PlatformInfrastructure(
    InfrastructureMode Mode,
    InfrastructureReference PostgresServer,
    InfrastructureReference PlatformDb,
    InfrastructureReference CallsDb,
    InfrastructureReference TasksDb,
    InfrastructureReference TrainingDb,
    InfrastructureReference Cache,
    InfrastructureReference Messaging)
{
    public const string PostgresName = "postgres";
    public const string PlatformDbName = "platformdb";
    public const string CallsDbName = "callsdb";
    public const string TasksDbName = "tasksdb";
    public const string TrainingDbName = "trainingdb";
    public const string CacheName = "cache";
    public const string MessagingName = "messaging";

    /// <summary>The local state folder; only in local mode.</summary>
    public LocalState? State { get; init; }

    /// <summary>The Qdrant server for call embeddings; only in containers mode (local mode keeps them in the tasks service).</summary>
    public IResourceBuilder<ContainerResource>? Qdrant { get; init; }
}

public static class InfrastructureReferenceExtensions
{
    /// <summary>Gives a resource the connection string of <paramref name="infrastructure"/> and starts it only once that is healthy.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, InfrastructureReference infrastructure)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport =>
        builder.WithReference(infrastructure.ConnectionString).WaitFor(infrastructure.Readiness);
}
