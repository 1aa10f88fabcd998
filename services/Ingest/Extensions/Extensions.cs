using SlmPlatform.ApiKeys;
using SlmPlatform.Ingest.Infrastructure;
using SlmPlatform.Messaging;

namespace SlmPlatform.Ingest.Extensions;

internal static class Extensions
{
    private const string CacheConnection = "cache";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IngestOptions>()
            .BindConfiguration(IngestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CallPublisher>();

        // Redis keeps the notes of accepted calls that the calls API reads; without it the notes are dropped unwritten.
        var hasCache = !string.IsNullOrEmpty(builder.Configuration.GetConnectionString(CacheConnection));
        builder.Services.AddSingleton(services => new AcceptedCallNotes(services.GetRequiredService<TimeProvider>(), written: hasCache));
        if (hasCache)
        {
            builder.AddRedisClient(CacheConnection);
            builder.Services.AddHostedService<AcceptedCallNotesWriter>();
        }

        builder.AddApiKeyAuthentication();
        builder.AddTenantRateLimits();
        builder.AddPlatformMessaging();
        return builder;
    }
}
