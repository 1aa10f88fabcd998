using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.ServiceDefaults;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The defaults every SlmPlatform service shares: telemetry, health checks, service discovery and resilient HTTP clients.
/// </summary>
public static partial class Extensions
{
    /// <summary>Adds telemetry, health checks, snake_case JSON for minimal APIs, service discovery and resilient HTTP clients to a service.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddBasicServiceDefaults();

        builder.Services.Configure<JsonOptions>(options => PlatformJson.Apply(options.SerializerOptions));

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    /// <summary>
    /// Adds telemetry and health checks only: for workers and run-to-completion tools that make no outgoing HTTP calls.
    /// </summary>
    public static TBuilder AddBasicServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        return builder;
    }
}
