using System.Globalization;

namespace SlmPlatform.AppHost.Extensions;

public static class LocalRabbitMQExtensions
{
    private const string User = "slm";

    /// <summary>
    /// Runs the machine's RabbitMQ on loopback with its node data under <c>&lt;state&gt;/rabbitmq</c>, beside an
    /// <c>epmd</c> of its own: left to itself, Erlang starts a daemon epmd that outlives the AppHost.
    /// </summary>
    public static IResourceBuilder<LocalServerResource> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, LocalState state)
    {
        var amqpPort = Invariant(state.Port("RabbitMQ", 5682));
        var distPort = Invariant(state.Port("RabbitMQDist", 25682));
        var epmdPortNumber = state.Port("Epmd", 4379);
        var epmdPort = Invariant(epmdPortNumber);
        var password = state.Secret("rabbitmq");
        var passwordParameter = builder.AddParameter("messaging-password", password, secret: true);
        var home = state.Folder("rabbitmq");

        // default_user/default_pass only take effect when the node's database is first created, so the password is kept.
        var configFile = Path.Combine(home, "rabbitmq.conf");
        LocalState.WriteOwnerOnly(configFile, string.Join('\n',
            $"listeners.tcp.default = 127.0.0.1:{amqpPort}",
            $"default_user = {User}",
            $"default_pass = {password}",
            "loopback_users = none",
            string.Empty));
        File.WriteAllText(Path.Combine(home, "enabled_plugins"), "[].\n");

        // RabbitMQ starts once epmd listens, not merely once its process runs: an Erlang helper that found no epmd
        // would start a daemon one of its own, which outlives the AppHost and keeps the port from the next start.
        var epmdHealthCheck = "epmd-listening";
        builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
            epmdHealthCheck, _ => new TcpListenerHealthCheck(epmdPortNumber), failureStatus: null, tags: null));
        var epmd = builder.AddExecutable("epmd", "bash", home, Path.Combine(state.ScriptsDirectory, "epmd-run.sh"), epmdPort)
            .WithHealthCheck(epmdHealthCheck);

        var healthCheck = "messaging-ready";
        var uri = $"amqp://{User}:{password}@127.0.0.1:{amqpPort}";
        builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
            healthCheck, _ => new AmqpHealthCheck(new Uri(uri)), failureStatus: null, tags: null));

        var address = $"127.0.0.1:{amqpPort}";
        var connectionString = ReferenceExpression.Create($"amqp://{User}:{passwordParameter.Resource}@{address}");
        return builder.AddResource(new LocalServerResource(PlatformInfrastructure.MessagingName, "/usr/lib/rabbitmq/bin/rabbitmq-server", home, connectionString))
            .WithEnvironment("HOME", home)
            .WithEnvironment("RABBITMQ_NODENAME", "slm@localhost")
            .WithEnvironment("RABBITMQ_NODE_IP_ADDRESS", "127.0.0.1")
            .WithEnvironment("RABBITMQ_NODE_PORT", amqpPort)
            .WithEnvironment("RABBITMQ_DIST_PORT", distPort)
            .WithEnvironment("RABBITMQ_MNESIA_BASE", Path.Combine(home, "mnesia"))
            .WithEnvironment("RABBITMQ_LOG_BASE", Path.Combine(home, "log"))
            .WithEnvironment("RABBITMQ_LOGS", "-")
            .WithEnvironment("RABBITMQ_CONFIG_FILE", configFile)
            .WithEnvironment("RABBITMQ_ENABLED_PLUGINS_FILE", Path.Combine(home, "enabled_plugins"))
            .WithEnvironment("ERL_EPMD_PORT", epmdPort)
            .WithEnvironment("RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS", "-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}")
            .WaitFor(epmd)
            .WithHealthCheck(healthCheck);
    }

    private static string Invariant(int port) => port.ToString(CultureInfo.InvariantCulture);
}
