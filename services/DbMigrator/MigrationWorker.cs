using SlmPlatform.DbMigrator.Infrastructure;

namespace SlmPlatform.DbMigrator;

/// <summary>Migrates every database the platform owns, seeds the development key where given, then stops the host.</summary>
public sealed partial class MigrationWorker(
    IConfiguration configuration,
    DatabaseMigrator migrator,
    DevApiKeySeeder seeder,
    IHostApplicationLifetime lifetime,
    ILogger<MigrationWorker> logger) : BackgroundService
{
    private static readonly string[] Databases = ["platformdb", "callsdb", "tasksdb", "trainingdb"];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            foreach (var database in Databases)
            {
                var connectionString = configuration.GetConnectionString(database)
                    ?? throw new InvalidOperationException($"Connection string '{database}' is missing.");
                await migrator.MigrateAsync(connectionString, Migration.LoadFor(database), stoppingToken);
            }

            if (configuration["DevApiKey:Value"] is { Length: > 0 } devKey)
            {
                await seeder.SeedAsync(configuration.GetConnectionString("platformdb")!, devKey, stoppingToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(e);
            Environment.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Database migration failed")]
    private partial void LogFailed(Exception exception);
}
