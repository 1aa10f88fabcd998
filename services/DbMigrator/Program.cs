using SlmPlatform.DbMigrator;
using SlmPlatform.DbMigrator.Infrastructure;

// `tenant ...`: the operator's tenant commands (create, list, disable); otherwise migrate every database and stop.
if (args is [TenantCommandLine.Verb, .. var tenantArgs])
{
    return await TenantCommandLine.RunAsync(
        tenantArgs, Environment.GetEnvironmentVariable("ConnectionStrings__platformdb"), Console.Out, Console.Error, CancellationToken.None);
}

var builder = Host.CreateApplicationBuilder(args);

builder.AddBasicServiceDefaults();
builder.Services.AddSingleton<DatabaseMigrator>();
builder.Services.AddSingleton<DevApiKeySeeder>();
builder.Services.AddHostedService<MigrationWorker>();

builder.Build().Run();
return Environment.ExitCode;
