using SlmPlatform.Tasks.Infrastructure;

namespace SlmPlatform.Tasks.Promotion;

public static class PromotionExtensions
{
    /// <summary>The promotion policy: per-tenant policies, its decisions, its rounds, and the training service it asks
    /// to evaluate and retrain.</summary>
    public static IHostApplicationBuilder AddPromotionPolicy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PromotionOptions>().BindConfiguration(PromotionOptions.SectionName)
            .Validate(o => o.IntervalSeconds >= 1 && o.Default.Problems().Count == 0, "Promotion: IntervalSeconds ≥ 1 and a valid Default policy.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PromotionStore>();
        builder.Services.AddSingleton<PromotionPolicies>();
        builder.Services.AddScoped<SpecialistRouting>();
        builder.Services.AddScoped<PromotionExecutor>();
        builder.Services.AddSingleton<IModelEvaluations, HttpModelEvaluations>();
        builder.Services.AddSingleton<IModelRetraining, BusModelRetraining>();
        // An evaluation scores hundreds of answers through serving: it may take minutes, and must not be retried
        // behind the caller's back while it runs.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way out.
        builder.Services.AddHttpClient(HttpModelEvaluations.ClientName, client =>
        {
            client.BaseAddress = new Uri(builder.Configuration["Services:TrainingBaseUrl"] ?? "http://training");
            client.Timeout = TimeSpan.FromMinutes(10);
        }).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.AddHostedService<PromotionWorker>();
        return builder;
    }
}
