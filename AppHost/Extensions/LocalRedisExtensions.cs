using System.Globalization;

namespace SlmPlatform.AppHost.Extensions;

public static class LocalRedisExtensions
{
    /// <summary>
    /// Runs the machine's <c>redis-server</c> on loopback with an append-only file under <c>&lt;state&gt;/redis</c>.
    /// The password goes in a config file readable by the owner only, not on the command line.
    /// </summary>
    public static IResourceBuilder<LocalServerResource> AddLocalRedis(this IDistributedApplicationBuilder builder, LocalState state)
    {
        var port = state.Port("Redis", 6389).ToString(CultureInfo.InvariantCulture);
        var password = state.Secret("redis");
        var passwordParameter = builder.AddParameter("cache-password", password, secret: true);
        var dataDirectory = state.Folder("redis");
        var configFile = Path.Combine(dataDirectory, "redis.conf");
        LocalState.WriteOwnerOnly(configFile, string.Join('\n',
            "bind 127.0.0.1",
            $"port {port}",
            $"dir {dataDirectory}",
            "daemonize no",
            "appendonly yes",
            "protected-mode yes",
            $"requirepass {password}",
            string.Empty));

        var healthCheck = "cache-ready";
        builder.Services.AddHealthChecks().AddRedis($"127.0.0.1:{port},password={password},abortConnect=false,connectTimeout=2000", name: healthCheck);

        var address = $"127.0.0.1:{port}";
        var connectionString = ReferenceExpression.Create($"{address},password={passwordParameter.Resource}");
        return builder.AddResource(new LocalServerResource(PlatformInfrastructure.CacheName, "redis-server", dataDirectory, connectionString))
            .WithArgs(configFile)
            .WithHealthCheck(healthCheck);
    }
}
