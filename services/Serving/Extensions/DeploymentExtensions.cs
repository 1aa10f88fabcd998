using SlmPlatform.Messaging;
using SlmPlatform.Messaging.Erasure;
using SlmPlatform.Serving.Apis;
using SlmPlatform.Serving.Consumers;
using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Serving.Infrastructure.Deployment;
using SlmPlatform.Specialists.Catalog;

namespace SlmPlatform.Serving.Extensions;

internal static class DeploymentExtensions
{
    /// <summary>
    /// Deploying specialists to serving itself, Ollama or vLLM (<c>Serving:Deploy</c>), and — when serving has the
    /// <c>messaging</c> connection — the consumers of <c>ModelDeployRequested</c> and of <c>ModelTrained</c> (its
    /// registry). Serving answers from its registry without the bus, so it only degrades its health while the broker is away.
    /// </summary>
    public static IHostApplicationBuilder AddSpecialistDeployment(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DeployOptions>().BindConfiguration(DeployOptions.SectionName)
            .Validate(o => DeployTargets.All.Contains(o.Target), $"Serving:Deploy:Target is one of {string.Join(", ", DeployTargets.All)}.")
            .Validate(o => o.Attempts >= 1 && o.RetryDelay >= TimeSpan.Zero, "Serving:Deploy: Attempts ≥ 1, RetryDelay ≥ 0.")
            .ValidateOnStart();
        builder.Services.AddSingleton(_ => ModelCatalog.Embedded());
        builder.Services.AddSingleton<DeploymentArtifacts>();
        builder.Services.AddSingleton<ISpecialistDeployer, EmbeddedDeployer>();
        builder.Services.AddSingleton<ISpecialistDeployer, OllamaDeployer>();
        builder.Services.AddSingleton<ISpecialistDeployer, VllmDeployer>();
        builder.Services.AddSingleton<SpecialistDeployment>();
        builder.Services.AddSingleton<ExternalDeployments>();
        builder.Services.AddSingleton<DeploymentListing>();

        // The deployment retries by itself, with a failure to report at the end; the standard handler's retries and
        // 30-second limit would hide the one and cut a GGUF upload short.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way out.
        builder.Services.AddHttpClient(OllamaDeployer.ClientName).RemoveAllResilienceHandlers();
        builder.Services.AddHttpClient(VllmDeployer.ClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001

        builder.Services.AddHttpForwarder();
        builder.Services.AddSingleton<ExternalChatInvoker>();

        if (builder.Configuration.GetConnectionString(MessagingExtensions.ConnectionName) is not null)
        {
            builder.AddPlatformMessaging(
                bus =>
                {
                    bus.AddConsumer<ModelDeployRequestedConsumer>(typeof(ModelDeployRequestedConsumerDefinition));
                    bus.AddConsumer<ModelTrainedConsumer>(typeof(ModelTrainedConsumerDefinition));
                    bus.AddCallErasure<SpecialistErasure>();
                },
                busIsCritical: false);
        }

        return builder;
    }
}
