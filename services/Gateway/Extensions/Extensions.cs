using Microsoft.Extensions.Options;
using SlmPlatform.ApiKeys;
using SlmPlatform.Gateway.Capture;
using SlmPlatform.Gateway.Consumers;
using SlmPlatform.Gateway.Infrastructure;
using SlmPlatform.Gateway.Routing;
using SlmPlatform.Messaging;

namespace SlmPlatform.Gateway.Extensions;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);

        // No retries, no resilience timeouts: an LLM call is neither idempotent nor short, and the agent decides.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way out.
        builder.Services.AddHttpClient(UpstreamRelay.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = System.Net.DecompressionMethods.None,
                UseCookies = false,
            })
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddSingleton<UpstreamRelay>();
        builder.AddSpecialistRouting();

        builder.AddCaptureBuffer();
        builder.AddApiKeyAuthentication();
        builder.AddTenantRateLimits();
        builder.Services.AddSingleton<ApiKeyRegistry>();
        // Agents' calls go on while the bus is away (captures wait on disk), so the bus does not decide readiness.
        builder.AddPlatformMessaging(
            bus =>
            {
                if (builder.HasRoutingTable())
                {
                    bus.AddConsumer<SpecialistRouteChangedConsumer>(typeof(SpecialistRouteChangedConsumerDefinition));
                }
            },
            busIsCritical: false);
        return builder;
    }

    private static void AddSpecialistRouting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SpecialistRoutingOptions>().BindConfiguration(SpecialistRoutingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<RoutingMetrics>();
        builder.Services.AddSingleton<SpecialistClient>();
        builder.Services.AddSingleton<OnlineComparisons>();
        builder.Services.AddSingleton<SpecialistRouter>();
        // No retries: a specialist that fails is not asked again, the teacher answers at once.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way out.
        builder.Services.AddHttpClient(SpecialistClient.ClientName).RemoveAllResilienceHandlers().AddServiceCredential();
#pragma warning restore EXTEXP0001
        if (builder.HasRoutingTable())
        {
            builder.AddRedisClient("cache");
            builder.Services.AddSingleton(services => new RouteTable(services.GetRequiredService<StackExchange.Redis.IConnectionMultiplexer>()));
            builder.Services.AddSingleton<RoutingLedger>();
            builder.Services.AddSingleton<RoutingTallyPublisher>();
            builder.Services.AddHostedService(services => services.GetRequiredService<RoutingTallyPublisher>());
        }
    }

    private static bool HasRoutingTable(this IHostApplicationBuilder builder) =>
        !string.IsNullOrEmpty(builder.Configuration.GetConnectionString("cache"));

    private static void AddCaptureBuffer(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CaptureMetrics>();
        builder.Services.AddSingleton<CaptureQueue>();
        builder.Services.AddSingleton<CaptureSignal>();
        builder.Services.AddSingleton(services => new CaptureBufferSecret(EncryptionSecret(services.GetRequiredService<IOptions<GatewayOptions>>().Value.CaptureBuffer, services)));
        builder.Services.AddSingleton(services =>
        {
            var buffer = services.GetRequiredService<IOptions<GatewayOptions>>().Value.CaptureBuffer;
            return CaptureLog.Open(
                BufferDirectory(services),
                services.GetRequiredService<CaptureBufferSecret>().Value,
                buffer.SegmentBytes,
                buffer.MaxBytes,
                buffer.SyncEvery,
                services.GetRequiredService<TimeProvider>());
        });
        builder.Services.AddSingleton(services =>
        {
            var buffer = services.GetRequiredService<IOptions<GatewayOptions>>().Value.CaptureBuffer;
            var log = CaptureLog.Open(
                Path.Combine(BufferDirectory(services), CaptureQuarantine.DirectoryName),
                services.GetRequiredService<CaptureBufferSecret>().Value,
                buffer.SegmentBytes,
                buffer.QuarantineMaxBytes);
            return new CaptureQuarantine(
                log,
                services.GetRequiredService<CaptureMetrics>(),
                services.GetRequiredService<TimeProvider>(),
                buffer.QuarantineRetention,
                services.GetRequiredService<ILogger<CaptureQuarantine>>());
        });
        builder.Services.AddHostedService<CaptureSpooler>();
        builder.Services.AddHostedService<CapturePublisher>();
    }

    private static string BufferDirectory(IServiceProvider services) => Path.Combine(
        services.GetRequiredService<IHostEnvironment>().ContentRootPath,
        services.GetRequiredService<IOptions<GatewayOptions>>().Value.CaptureBuffer.Directory);

    private static string EncryptionSecret(CaptureBufferOptions buffer, IServiceProvider services)
    {
        if (!string.IsNullOrEmpty(buffer.EncryptionKey))
        {
            return buffer.EncryptionKey;
        }

        // Without a configured key the buffer still never holds clear text, but what it holds cannot outlive the process.
        services.GetRequiredService<ILoggerFactory>().CreateLogger<CaptureLog>()
            .LogWarning("Gateway:CaptureBuffer:EncryptionKey is not set: captures buffered on disk will not survive a restart");
        return Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    }
}

/// <summary>The one secret the buffer and its quarantine derive their key from, resolved once per process.</summary>
internal sealed record CaptureBufferSecret(string Value);
