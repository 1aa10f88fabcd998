using SlmPlatform.ApiKeys;
using SlmPlatform.Ingest.Infrastructure;
using SlmPlatform.Messaging;

namespace SlmPlatform.Ingest.Extensions;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CallPublisher>();

        builder.AddApiKeyAuthentication();
        builder.AddTenantRateLimits();
        builder.AddPlatformMessaging();
        return builder;
    }
}
