using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using SlmPlatform.ApiKeys;
using SlmPlatform.Embeddings;
using SlmPlatform.Messaging;
using SlmPlatform.Messaging.Erasure;
using SlmPlatform.Specialists.Catalog;
using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Specialists.Kubernetes;
using SlmPlatform.Training.Consumers;
using SlmPlatform.Training.Evaluation;
using SlmPlatform.Training.Infrastructure;
using SlmPlatform.Training.Workers;

namespace SlmPlatform.Training.Extensions;

internal static class Extensions
{
    public const string DatabaseName = "trainingdb";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(DatabaseName);
        builder.Services.AddOptions<TrainingOptions>().BindConfiguration(TrainingOptions.SectionName)
            .Validate(o => o.LeaseSeconds >= 3 && o.SweepSeconds >= 1 && o.DefaultTimeLimitSeconds >= 1 && o.MaxAttempts >= 1,
                "Training: LeaseSeconds ≥ 3, SweepSeconds ≥ 1, DefaultTimeLimitSeconds ≥ 1, MaxAttempts ≥ 1.")
            .ValidateOnStart();

        builder.Services.AddSingleton<IArtifactStore, LocalFolderArtifactStore>();
        builder.Services.AddSingleton<JobStore>();
        builder.Services.AddSingleton<FairJobOrder>();
        builder.Services.AddSingleton<JobStarter>();
        builder.Services.AddSingleton<DatasetStore>();
        builder.Services.AddSingleton<DatasetErasure>();
        builder.Services.AddSingleton<TenantTrainingErasure>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ModelRegistry>();
        builder.Services.AddSingleton(services => services.GetRequiredService<IOptions<TrainingOptions>>().Value.CatalogPath is { Length: > 0 } path
            ? ModelCatalog.Load(File.OpenRead(path))
            : ModelCatalog.Embedded());
        builder.Services.AddSingleton<SpecialistSelector>();
        // Loaded on first use (the model is ~90 MB): the API answers before any job needs it.
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => new OnnxSentenceEmbeddingGenerator());
        builder.Services.AddOptions<EvaluationOptions>().BindConfiguration(EvaluationOptions.SectionName)
            .Validate(o => o.MaxExamples >= 1 && o.Concurrency >= 1 && o.Timeout > TimeSpan.Zero, "Evaluation: MaxExamples ≥ 1, Concurrency ≥ 1, Timeout > 0.")
            .ValidateOnStart();
        builder.Services.AddSingleton<EvaluationStore>();
        builder.Services.AddHttpClient(ServingClient.ClientName).AddServiceCredential();
        builder.Services.AddSingleton<ServingClient>();
        builder.Services.AddBaselinesAndJudge();
        builder.Services.AddScoped<ServedModelEvaluator>();
        builder.Services.AddScoped<HeadJob>();
        builder.Services.AddScoped<GenerativeJob>();
        builder.Services.AddOptions<LoraJobOptions>().BindConfiguration(LoraJobOptions.SectionName)
            .Validate(o => o.PollInterval > TimeSpan.Zero && (o.InCluster ? 1 : 0) + (string.IsNullOrEmpty(o.KubeConfigPath) ? 0 : 1) + (string.IsNullOrEmpty(o.ApiServer) ? 0 : 1) <= 1,
                "Training:Kubernetes: PollInterval > 0, and at most one of InCluster, KubeConfigPath and ApiServer.")
            .ValidateOnStart();
        builder.Services.AddSingleton<GpuTrainer>();
        builder.Services.AddScoped<LoraJob>();
        builder.Services.AddScoped<FineTuneRunner>();
        builder.Services.AddHostedService<JobSweeper>();

        builder.Services.AddHttpClient<TasksClient>(client => client.BaseAddress = new Uri(builder.Configuration["Services:TasksBaseUrl"] ?? "http://tasks")).AddServiceCredential();
        builder.Services.AddHttpClient<CallsClient>(client => client.BaseAddress = new Uri(builder.Configuration["Services:CallsBaseUrl"] ?? "http://calls")).AddServiceCredential();
        builder.Services.AddSingleton<ITaskCallSource, HttpTaskCallSource>();

        builder.AddApiKeyAuthentication();
        builder.AddPlatformMessaging(bus =>
        {
            bus.AddConsumer<StartFineTuneConsumer>(typeof(StartFineTuneConsumerDefinition));
            bus.AddConsumer<ModelTrainedConsumer>(typeof(ModelTrainedConsumerDefinition));
            bus.AddConsumer<EvaluateModelConsumer>(typeof(EvaluateModelConsumerDefinition));
            bus.AddConsumer<FineTuneRequestedConsumer>(typeof(FineTuneRequestedConsumerDefinition));
            bus.AddCallErasure<DatasetErasure>();
        });
        return builder;
    }
}
