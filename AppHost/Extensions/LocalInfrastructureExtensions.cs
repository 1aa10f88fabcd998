namespace SlmPlatform.AppHost.Extensions;

public static class LocalInfrastructureExtensions
{
    /// <summary>
    /// The machine's own PostgreSQL, Redis and RabbitMQ, run as executable resources on loopback, with their data
    /// under the local state folder. No container resource is added: without a runtime they would never start.
    /// </summary>
    public static PlatformInfrastructure AddLocalInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var state = LocalState.Open(builder);
        var postgres = builder.AddLocalPostgres(state);
        var platformDb = builder.AddLocalDatabase(postgres, PlatformInfrastructure.PlatformDbName);
        var callsDb = builder.AddLocalDatabase(postgres, PlatformInfrastructure.CallsDbName);
        var tasksDb = builder.AddLocalDatabase(postgres, PlatformInfrastructure.TasksDbName);
        var trainingDb = builder.AddLocalDatabase(postgres, PlatformInfrastructure.TrainingDbName);
        var cache = builder.AddLocalRedis(state);
        var messaging = builder.AddLocalRabbitMQ(state);

        return new PlatformInfrastructure(
            InfrastructureMode.Local,
            new(postgres, postgres),
            new(platformDb, postgres),
            new(callsDb, postgres),
            new(tasksDb, postgres),
            new(trainingDb, postgres),
            new(cache, cache),
            new(messaging, messaging))
        {
            State = state,
        };
    }
}
