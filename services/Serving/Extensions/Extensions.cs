using SlmPlatform.ApiKeys;
using SlmPlatform.Embeddings;
using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Serving.Infrastructure.Deployment;
using SlmPlatform.Specialists.Generative;

namespace SlmPlatform.Serving.Extensions;

internal static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServingOptions>().BindConfiguration(ServingOptions.SectionName)
            .Validate(o => o.MemoryBudgetBytes > 0, "Serving:MemoryBudgetBytes must be positive.")
            .Validate(o => o.ConcurrentAnswersPerTenant >= 1 && o.QueuedAnswersPerTenant >= 0,
                "Serving:ConcurrentAnswersPerTenant must be 1 or more, Serving:QueuedAnswersPerTenant 0 or more.")
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ =>
        {
            var options = new SentenceEmbeddingOptions();
            builder.Configuration.GetSection("Embeddings").Bind(options);
            return new OnnxSentenceEmbeddingGenerator(options);
        });
        builder.Services.AddSingleton<ISpecialistSource>(sp => new SpecialistRegistry(sp.GetRequiredService<DeploymentArtifacts>().Root));
        builder.Services.AddSingleton<SpecialistLoader>();
        builder.Services.AddSingleton<LoadedSpecialists>();
        builder.Services.AddSingleton<SpecialistErasure>();
        builder.AddApiKeyAuthentication();
        builder.AddTenantFairShare();
        builder.AddSpecialistDeployment();
        return builder;
    }

    /// <summary>
    /// Sends llama.cpp's warnings and errors (generative specialists) to this service's log; without it they go to
    /// standard error, outside the structured logs.
    /// </summary>
    public static WebApplication UseLlamaNativeLog(this WebApplication app)
    {
        LlamaNativeLog.UseLogger(app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LlamaCpp"));
        return app;
    }
}
