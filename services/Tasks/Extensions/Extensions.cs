using Microsoft.AspNetCore.Http.Json;
using SlmPlatform.ApiKeys;
using SlmPlatform.Messaging;
using SlmPlatform.Tasks.Consumers;
using SlmPlatform.Tasks.Infrastructure;

namespace SlmPlatform.Tasks.Extensions;

internal static class Extensions
{
    public const string DatabaseName = "tasksdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(DatabaseName);
        builder.Services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.SectionName);
        builder.Services.AddSingleton<TaskStore>();
        builder.Services.Configure<JsonOptions>(options => options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);

        builder.AddApiKeyAuthentication();
        builder.AddPlatformMessaging(bus => bus.AddConsumer<CallScrubbedConsumer>(typeof(CallScrubbedConsumerDefinition)));
        return builder;
    }
}
