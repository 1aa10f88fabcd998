using SlmPlatform.ApiKeys;
using SlmPlatform.Messaging;
using SlmPlatform.Messaging.Erasure;
using SlmPlatform.Messaging.Sagas;
using SlmPlatform.TaskDiscovery.Consumers;
using SlmPlatform.TaskDiscovery.Infrastructure;
using SlmPlatform.TaskDiscovery.Promotion;

namespace SlmPlatform.TaskDiscovery.Extensions;

internal static class Extensions
{
    public const string DatabaseName = "tasksdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(DatabaseName);
        builder.Services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.SectionName);
        builder.Services.AddOptions<TopicOptions>().BindConfiguration(TopicOptions.SectionName)
            .Validate(o => o.MinClusterSize >= 2 && o.MinCalls >= o.MinClusterSize && o.Growth >= 0 && o.Interval > TimeSpan.Zero && o.Terms >= 1,
                "Topics: MinClusterSize ≥ 2, MinCalls ≥ MinClusterSize, Growth ≥ 0, Interval > 0, Terms ≥ 1.")
            .ValidateOnStart();
        builder.Services.AddOptions<CallSiteOptions>().BindConfiguration(CallSiteOptions.SectionName)
            .Validate(o => o.SignatureSimilarity is > 0 and <= 1 && o.TemplateWordOverlap is > 0 and <= 1, "CallSites:SignatureSimilarity and TemplateWordOverlap must be in (0, 1].")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CallSiteMatcher>();
        builder.Services.AddSingleton<PriceTable>();
        builder.Services.AddSingleton<TaskStore>();
        builder.Services.AddSingleton<TopicStore>();
        builder.Services.AddSingleton<TaskCurationStore>();
        builder.Services.AddSingleton<TaskSpecialistStore>();
        builder.Services.AddSingleton<RouteChangeOutbox>();
        builder.Services.AddSingleton<RoutingDayStore>();
        builder.Services.AddSingleton<TenantModelStore>();
        builder.Services.AddSingleton<SavingsCalculator>();
        builder.Services.AddHostedService<RouteChangeDispatcher>();
        builder.Services.AddSingleton<TopicAssignments>();
        builder.Services.AddSingleton<TopicClusteringLock>();
        builder.Services.AddSingleton<CallErasure>();
        builder.Services.AddSingleton<TenantTasksErasure>();
        builder.Services.AddScoped<TopicReclusterer>();
        builder.Services.AddHostedService<TopicReclusterWorker>();

        // Redis holds the embedding cache; without it tasks embed every call afresh.
        if (!string.IsNullOrEmpty(builder.Configuration.GetConnectionString(PlatformConnections.Cache)))
        {
            builder.AddRedisClient(PlatformConnections.Cache);
        }

        builder.AddCallEmbeddings();
        builder.AddCallVectorStore();
        builder.AddApiKeyAuthentication();
        builder.AddPromotionPolicy();
        builder.AddPlatformMessaging(bus =>
        {
            bus.AddConsumer<CallScrubbedConsumer>(typeof(CallScrubbedConsumerDefinition));
            bus.AddSagaStateMachine<PromotionStateMachine, PromotionState>(typeof(PromotionStateDefinition)).PostgresRepository(PromotionStateStore.Table);
            bus.AddConsumer<RoutingTalliedConsumer>(typeof(RoutingTalliedConsumerDefinition));
            bus.AddCallErasure<CallErasure>();
            bus.AddConsumer<ModelAnnouncedConsumer>(typeof(ModelAnnouncedConsumerDefinition));
        });
        return builder;
    }
}
