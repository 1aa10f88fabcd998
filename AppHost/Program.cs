using SlmPlatform.AppHost.Extensions;

var builder = DistributedApplication.CreateBuilder(args);

var infrastructure = builder.AddPlatformInfrastructure();

var migrator = builder.AddProject<Projects.DbMigrator>("db-migrator")
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.CallsDb)
    .WithReference(infrastructure.TasksDb)
    .WithDevApiKey(infrastructure);

// Services (they talk to each other with one generated key, acting for the tenant whose work they do)
var serviceKey = builder.AddPlatformSecret(infrastructure, "service-key");

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
    .WithEnvironment("Platform__ServiceKey", serviceKey)
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.CallsDb)
    .WithReference(infrastructure.Messaging)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck("/health");

builder.AddTasks(infrastructure)
    .WithEnvironment("Platform__ServiceKey", serviceKey)
    .WithReference(infrastructure.PlatformDb)
    .WithReference(infrastructure.Messaging)
    .WaitForCompletion(migrator)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
