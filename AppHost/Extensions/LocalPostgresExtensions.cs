namespace SlmPlatform.AppHost.Extensions;

public static class LocalPostgresExtensions
{
    /// <summary>
    /// Runs the machine's PostgreSQL on loopback with its cluster under <c>&lt;state&gt;/postgres</c>. A
    /// run-to-completion <c>postgres-init</c> resource creates the cluster once (initdb); the server then starts
    /// from it. As root, both drop to the <c>postgres</c> user, because PostgreSQL refuses to run as root.
    /// </summary>
    public static IResourceBuilder<LocalServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, LocalState state)
    {
        var port = state.Port("Postgres", 5442).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var password = state.Secret("postgres");
        var passwordParameter = builder.AddParameter("postgres-password", password, secret: true);
        var dataDirectory = Path.Combine(state.Directory, "postgres");

        var init = builder.AddExecutable("postgres-init", "bash", state.Directory, Path.Combine(state.ScriptsDirectory, "postgres-init.sh"), dataDirectory)
            .WithEnvironment("POSTGRES_PASSWORD", passwordParameter);

        var address = $"Host=127.0.0.1;Port={port};Username=postgres";
        var healthCheck = "postgres-ready";
        builder.Services.AddHealthChecks().AddNpgSql($"{address};Password={password};Timeout=3", name: healthCheck);

        var connectionString = ReferenceExpression.Create($"{address};Password={passwordParameter.Resource}");
        return builder.AddResource(new LocalServerResource(PlatformInfrastructure.PostgresName, "bash", state.Directory, connectionString))
            .WithArgs(Path.Combine(state.ScriptsDirectory, "postgres-run.sh"), dataDirectory, port)
            .WaitForCompletion(init)
            .WithHealthCheck(healthCheck);
    }

    /// <summary>A database on the local server, created by the migrator.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddLocalDatabase(
        this IDistributedApplicationBuilder builder, IResourceBuilder<LocalServerResource> server, string name) =>
        builder.AddConnectionString(name, ReferenceExpression.Create($"{server.Resource.ConnectionStringExpression};Database={name}"));
}
