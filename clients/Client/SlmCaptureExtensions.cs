using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SlmPlatform.Client;

/// <summary>Adds SlmPlatform capture to Microsoft.Extensions.AI chat pipelines.</summary>
public static class SlmCaptureExtensions
{
    /// <summary>
    /// Registers one <see cref="SlmCaptureShipper"/> for the application (configured from <paramref name="configure"/>),
    /// which every <see cref="UseSlmCapture"/> pipeline built from this container shares.
    /// </summary>
    public static IServiceCollection AddSlmCapture(this IServiceCollection services, Action<SlmCaptureOptions> configure)
    {
        services.AddOptions<SlmCaptureOptions>().Configure(configure);
        services.AddSingleton(sp => new SlmCaptureShipper(
            sp.GetRequiredService<IOptions<SlmCaptureOptions>>().Value,
            httpClient: null,
            sp.GetService<ILogger<SlmCaptureShipper>>()));
        return services;
    }

    /// <summary>
    /// Records every call of this pipeline for SlmPlatform. Uses the application's shipper when
    /// <see cref="AddSlmCapture"/> registered one (with <paramref name="configure"/> applied on top of its options,
    /// e.g. to name this pipeline's agent or workload); otherwise the pipeline gets a shipper of its own.
    /// </summary>
    public static ChatClientBuilder UseSlmCapture(this ChatClientBuilder builder, Action<SlmCaptureOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((inner, services) =>
        {
            var registered = services.GetService<IOptions<SlmCaptureOptions>>()?.Value;
            var options = Copy(registered ?? new SlmCaptureOptions());
            configure?.Invoke(options);
            var shared = services.GetService<SlmCaptureShipper>();
            return shared is not null
                ? new SlmCaptureChatClient(inner, shared, options)
                : new SlmCaptureChatClient(inner, new SlmCaptureShipper(options, httpClient: null, services.GetService<ILogger<SlmCaptureShipper>>()), options, ownsShipper: true);
        });
    }

    private static SlmCaptureOptions Copy(SlmCaptureOptions source) => new()
    {
        IngestEndpoint = source.IngestEndpoint,
        ApiKey = source.ApiKey,
        Agent = source.Agent,
        Workload = source.Workload,
        MaxQueueLength = source.MaxQueueLength,
        MaxBatchSize = source.MaxBatchSize,
        FlushInterval = source.FlushInterval,
        MaxAttempts = source.MaxAttempts,
    };
}
