using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Promotion;

public static class PromotionExtensions
{
    /// <summary>The promotion policy: per-tenant policies, its decisions, the steps of each task's promotion saga, the
    /// sweep that asks served tasks to check, and the commands it sends the training service (evaluate, retrain).</summary>
    public static IHostApplicationBuilder AddPromotionPolicy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PromotionOptions>().BindConfiguration(PromotionOptions.SectionName)
            .Validate(o => o.IntervalSeconds >= 1 && o.Default.Problems().Count == 0, "Promotion: IntervalSeconds ≥ 1 and a valid Default policy.")
            .Validate(
                o => string.IsNullOrEmpty(o.DeployTarget) || DeployTargets.All.Contains(o.DeployTarget),
                $"Promotion:DeployTarget is empty or one of {string.Join(", ", DeployTargets.All)}.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PromotionStore>();
        builder.Services.AddSingleton<PromotionPolicies>();
        builder.Services.AddScoped<SpecialistRouting>();
        builder.Services.AddScoped<PromotionExecutor>();
        builder.Services.AddScoped<PromotionSteps>();
        builder.Services.AddScoped<PromotionDeployments>();
        builder.Services.AddSingleton<IModelDeployments, BusModelDeployments>();
        builder.Services.AddSingleton<PromotionStateStore>();
        builder.Services.AddSingleton<IModelEvaluations, BusModelEvaluations>();
        builder.Services.AddSingleton<IModelRetraining, BusModelRetraining>();
        builder.Services.AddHostedService<PromotionCheckSweeper>();
        return builder;
    }
}
