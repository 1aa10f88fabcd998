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
            // A log's values go out as its attributes whether or not they are also formatted into its message, so the
            // formatted message (what a person reads on the dashboard) adds no data; what keeps personal data out is
            // that no log line is given call text, which the scrubber's and gateway's tests check on the formatted
            // lines. Scopes stay out: frameworks put request paths and ids in them.
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = false;
        });

        // The Redis client reports every connection's election and endpoint summaries as information: tens of lines per
        // service start that say nothing to an operator. Its warnings and errors still show.
        builder.Logging.AddFilter("StackExchange.Redis", LogLevel.Warning);

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
