using SlmPlatform.AppHost.Extensions;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddPlatformInfrastructure();

var migrator = builder.AddProject<Projects.DbMigrator>("db-migrator")
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.CallsDb)
    .WithReference(infrastructure.TasksDb)
    .WithDevApiKey(infrastructure);

// Services
builder.AddGateway(infrastructure)
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.Messaging)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Ingest>("ingest")
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.Messaging)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Calls>("calls")
    .WithEnvironment("Scrubbing__SurrogateKey", builder.AddPlatformSecret(infrastructure, "scrubbing-surrogate-key"))
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.CallsDb)
    .WithReference(infrastructure.Messaging)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.Tasks>("tasks")
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.TasksDb)
    .WithReference(infrastructure.Messaging)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
