using Microsoft.Extensions.DependencyInjection.Extensions;
using SlmPlatform.ApiKeys;
using SlmPlatform.Scrubber.Consumers;
using SlmPlatform.Scrubber.Infrastructure;
using SlmPlatform.Messaging;
using SlmPlatform.Scrubbing;

namespace SlmPlatform.Scrubber.Extensions;

internal static class Extensions
{
    public const string DatabaseName = "callsdb";
    private const string CacheConnection = "cache";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(DatabaseName);
        builder.Services.AddSingleton<CallStore>();
        builder.Services.AddSingleton<ScrubReportStore>();
        builder.Services.AddSingleton<ParkedCallStore>();
        builder.Services.AddSingleton<ParkedCallSeal>();
        builder.Services.AddOptions<ParkedCallOptions>().BindConfiguration(ParkedCallOptions.SectionName);
        builder.Services.AddOptions<DatabaseOutageOptions>().BindConfiguration(DatabaseOutageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<ParkedCallExpiry>();
        builder.Services.AddSingleton<ErasureStore>();
        builder.Services.AddSingleton<ErasureOutbox>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ErasureOutbox>());
        builder.Services.AddOptions<ErasureOptions>().BindConfiguration(ErasureOptions.SectionName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScrubbing();

        // Redis holds ingest's notes of accepted calls, which let the calls API tell an id on its way from an unknown one.
        if (!string.IsNullOrEmpty(builder.Configuration.GetConnectionString(CacheConnection)))
        {
            builder.AddRedisClient(CacheConnection);
        }

        builder.Services.AddSingleton(services => new AcceptedCallNotesReader(
            services.GetService<StackExchange.Redis.IConnectionMultiplexer>(), services.GetRequiredService<TimeProvider>()));

        builder.AddApiKeyAuthentication();
        builder.AddPlatformMessaging(bus =>
        {
            bus.AddConsumer<CallCapturedConsumer>(typeof(CallCapturedConsumerDefinition));
            bus.AddConsumer<CallParkedConsumer>(typeof(CallParkedConsumerDefinition));
            bus.AddConsumer<ErasureCompletedConsumer>(typeof(ErasureCompletedConsumerDefinition));
        });
        return builder;
    }
}
