using MassTransit;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace SlmPlatform.Messaging;

/// <summary>Connects a service to the platform's RabbitMQ bus through MassTransit.</summary>
public static class MessagingExtensions
{
    /// <summary>The connection string name that the AppHost gives the broker in every mode.</summary>
    public const string ConnectionName = "messaging";

    /// <summary>
    /// Adds MassTransit over RabbitMQ from the <c>messaging</c> connection string (an <c>amqp://user:pass@host:port/vhost</c>
    /// URI). Endpoints are kebab-case; messages are durable and every publish waits for the broker's confirm; queues
    /// are classic or quorum as <c>Messaging:Queues</c> says (<see cref="QueueOptions"/>).
    /// A service that keeps working without the bus passes <paramref name="busIsCritical"/> false: its health then
    /// reads Degraded, not Unhealthy, while the broker is away, so that no orchestrator takes it out of service.
    /// </summary>
    public static IHostApplicationBuilder AddPlatformMessaging(
        this IHostApplicationBuilder builder,
        Action<IBusRegistrationConfigurator>? configureConsumers = null,
        bool busIsCritical = true)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException($"Connection string '{ConnectionName}' is missing.");
        var broker = BrokerAddress.Parse(connectionString);
        var queueSettings = builder.Configuration.GetSection(QueueOptions.SectionName);
        var queues = queueSettings.Get<QueueOptions>() ?? new QueueOptions();
        queues.Validate();
        builder.Services.Configure<QueueOptions>(queueSettings);

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();

            // MassTransit reports the bus's shape to its vendor over the internet by default; a platform that keeps
            // its tenants' calls in-house sends nothing out that its operators did not ask for.
            bus.DisableUsageTelemetry();
            if (!busIsCritical)
            {
                bus.ConfigureHealthCheckOptions(health => health.MinimalFailureStatus = HealthStatus.Degraded);
            }
            configureConsumers?.Invoke(bus);
            if (queues.Type == QueueOptions.Quorum)
            {
                bus.AddConfigureEndpointsCallback((_, queueName, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    {
                        rabbit.UseQuorumQueue(queueName, queues);
                    }
                });
            }

            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(broker.Host, broker.Port, broker.VirtualHost, host =>
                {
                    host.Username(broker.Username);
                    host.Password(broker.Password);
                    host.PublisherConfirmation = true;
                });
                // MassTransit indents its JSON by default: a third more bytes for the broker to carry and persist,
                // and more for the serializer to write; captured calls' bodies are copied, not rewritten
                // (docs/benchmarks.md, ingest).
                rabbit.ConfigureJsonSerializerOptions(options =>
                {
                    options.WriteIndented = false;
                    options.Converters.Add(new RawJsonElementConverter());
                    return options;
                });
                rabbit.ConfigureEndpoints(context);
            });
        });

        return builder;
    }
}
