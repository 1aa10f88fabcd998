using Npgsql;

namespace SlmPlatform.DbMigrator.Infrastructure;

/// <summary>
/// Creates a database if it is missing and applies its pending migrations, each in its own transaction, under an
/// advisory lock so that two migrators never race.
/// </summary>
public sealed partial class DatabaseMigrator(ILogger<DatabaseMigrator> logger)
{
    private const string DuplicateDatabase = "42P04";
    private const long MigrationLockKey = 0x534C4D_4D4947; // "SLMMIG"

    public async Task MigrateAsync(string connectionString, IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database
            ?? throw new InvalidOperationException("The connection string names no database.");
        await EnsureDatabaseAsync(connectionString, database, cancellationToken);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"select pg_advisory_lock({MigrationLockKey})", cancellationToken);
        try
        {
            await ExecuteAsync(connection,
                "create table if not exists schema_migrations (id text primary key, applied_at timestamptz not null default now())",
                cancellationToken);
            var applied = await AppliedAsync(connection, cancellationToken);
            foreach (var migration in migrations.Where(m => !applied.Contains(m.Id)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, migration.Sql, cancellationToken);
                await using var record = new NpgsqlCommand("insert into schema_migrations (id) values ($1)", connection);
                record.Parameters.Add(new NpgsqlParameter { Value = migration.Id });
                await record.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                LogApplied(database, migration.Id);
            }
        }
        finally
        {
            await ExecuteAsync(connection, $"select pg_advisory_unlock({MigrationLockKey})", CancellationToken.None);
        }
    }

    private async Task EnsureDatabaseAsync(string connectionString, string database, CancellationToken cancellationToken)
    {
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);

        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = database });
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            await ExecuteAsync(connection, $"create database {quoted}", cancellationToken);
            LogCreated(database);
        }
        catch (PostgresException e) when (e.SqlState == DuplicateDatabase)
        {
            // Another migrator (or Aspire's own AddDatabase in container mode) created it first.
        }
    }

    private static async Task<HashSet<string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select id from schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created database {Database}")]
    private partial void LogCreated(string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {Migration} to {Database}")]
    private partial void LogApplied(string database, string migration);
}
