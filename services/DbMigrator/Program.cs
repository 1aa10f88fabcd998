using SlmPlatform.DbMigrator;
using SlmPlatform.DbMigrator.Infrastructure;

var builder = Host.CreateApplicationBuilder(args);

builder.AddBasicServiceDefaults();
builder.Services.AddSingleton<DatabaseMigrator>();
builder.Services.AddSingleton<DevApiKeySeeder>();
builder.Services.AddHostedService<MigrationWorker>();

builder.Build().Run();
