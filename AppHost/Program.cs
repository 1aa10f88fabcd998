using SlmPlatform.AppHost.Extensions;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddPlatformInfrastructure();

var migrator = builder.AddProject<Projects.DbMigrator>("db-migrator")
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.CallsDb)
    .WithReference(infrastructure.TasksDb)
    .WithReference(infrastructure.TrainingDb)
    .WithDevApiKey(infrastructure);

// Secrets: each calling service's own key (it acts for the tenant whose work it does; only the services it calls trust
// it), and the key of the prompt hashes that the scrubber records and the gateway routes by.
var gatewayKey = builder.AddPlatformSecret(infrastructure, "service-key-gateway");
var trainingKey = builder.AddPlatformSecret(infrastructure, "service-key-training");
var promptKey = builder.AddPlatformSecret(infrastructure, "routing-prompt-key");
var artifacts = builder.AddArtifactStore(infrastructure);

// Services
builder.AddProject<Projects.Ingest>("ingest")
    .WithBoundedMallocArenas()
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.Messaging)
    .WithReference(infrastructure.Cache)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck("/health")
    .WithConfiguredReplicas();

var calls = builder.AddProject<Projects.Scrubber>("calls")
    .WithBoundedMallocArenas()
    .WithEnvironment("Scrubbing__SurrogateKey", builder.AddPlatformSecret(infrastructure, "scrubbing-surrogate-key"))
    .WithEnvironment("Routing__PromptKey", promptKey)
    .WithEnvironment("Platform__TrustedServices__training", trainingKey)
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.CallsDb)
    .WithReference(infrastructure.Messaging)
    .WithReference(infrastructure.Cache)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck("/health")
    .WithConfiguredReplicas();

var tasks = builder.AddTasks(infrastructure)
    .WithEnvironment("Platform__TrustedServices__training", trainingKey)
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.Messaging)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck("/health");

var training = builder.AddProject<Projects.Training>("training")
    .WithArtifactStore(artifacts, "Training__ArtifactsPath")
    .WithEnvironment("Platform__ServiceKey", trainingKey)
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.TrainingDb)
    .WithReference(infrastructure.Messaging)
    .WithReference(calls)
    .WithReference(tasks)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck("/health")
    .WithConfiguredReplicas();

var serving = builder.AddProject<Projects.Serving>("serving")
    .WithArtifactStore(artifacts, "Serving__ArtifactsPath")
    .WithEnvironment("Platform__TrustedServices__gateway", gatewayKey)
    .WithEnvironment("Platform__TrustedServices__training", trainingKey)
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.Messaging)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck("/health");

// Training scores each trained model as it serves, so it asks serving as the gateway does. Nothing calls back the
// other way: serving learns of models, and tasks of evaluations, from messages (docs/architecture.md).
training.WithReference(serving);

var gateway = builder.AddGateway(infrastructure)
    .WithBoundedMallocArenas()
    .WithEnvironment("Routing__PromptKey", promptKey)
    .WithEnvironment("Platform__ServiceKey", gatewayKey)
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.Messaging)
    .WithReference(infrastructure.Cache)
    .WithReference(serving)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck("/health");

// The console reads the services' public APIs as the signed-in user, and training's progress from the bus (on a queue
// of its own that goes with it); it keeps no store of its own.
builder.AddProject<Projects.Console>("console")
    .WithReference(infrastructure.Messaging)
    .WithReference(tasks)
    .WithReference(calls)
    .WithReference(training)
    .WithReference(gateway)
    .WithHttpHealthCheck("/health");

builder.ServeOverPlainHttp();

builder.Build().Run();
