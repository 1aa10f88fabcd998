using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

public static partial class Extensions
{
    // MassTransit's DiagnosticHeaders.DefaultListenerName: the name of both its ActivitySource and its Meter.
    private const string MassTransitInstrumentationName = "MassTransit";

    /// <summary>
    /// Wires OpenTelemetry logs, metrics and traces, including MassTransit's source and meter and any source a
    /// service registers under the <c>SlmPlatform.*</c> prefix. Exports over OTLP only where an endpoint is configured.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            // Message bodies and formatted values can hold unscrubbed text; only templates and ids go out.
            logging.IncludeFormattedMessage = false;
            logging.IncludeScopes = false;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(MassTransitInstrumentationName)
                .AddMeter("SlmPlatform.*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(MassTransitInstrumentationName)
                .AddSource("SlmPlatform.*")
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsHealthPath(context.Request.Path))
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }
}
