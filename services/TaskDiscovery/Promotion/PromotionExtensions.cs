using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Promotion;

public static class PromotionExtensions
{
    /// <summary>The promotion policy: per-tenant policies, its decisions, its rounds, and the commands it sends the
    /// training service (evaluate the serving model, retrain).</summary>
    public static IHostApplicationBuilder AddPromotionPolicy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PromotionOptions>().BindConfiguration(PromotionOptions.SectionName)
            .Validate(o => o.IntervalSeconds >= 1 && o.Default.Problems().Count == 0, "Promotion: IntervalSeconds ≥ 1 and a valid Default policy.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PromotionStore>();
        builder.Services.AddSingleton<PromotionPolicies>();
        builder.Services.AddScoped<SpecialistRouting>();
        builder.Services.AddScoped<PromotionExecutor>();
        builder.Services.AddSingleton<PromotionChallenges>();
        builder.Services.AddScoped<EvaluatedModelDecisions>();
        builder.Services.AddSingleton<IModelEvaluations, BusModelEvaluations>();
        builder.Services.AddSingleton<IModelRetraining, BusModelRetraining>();
        builder.Services.AddSingleton<PromotionRounds>();
        builder.Services.AddHostedService<PromotionWorker>();
        return builder;
    }
}
