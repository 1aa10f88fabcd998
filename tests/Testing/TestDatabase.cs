using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SlmPlatform.DbMigrator.Infrastructure;

namespace SlmPlatform.Testing;

/// <summary>A fresh database with the platform's migrations applied, so that no test sees another's rows.</summary>
public static class TestDatabase
{
    /// <summary>Creates a database with the schema of <paramref name="kind"/> (<c>platformdb</c> or <c>callsdb</c>).</summary>
    public static async Task<string> CreateAsync(string kind, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(TestServers.Postgres)
        {
            Database = $"{kind}_{Guid.NewGuid():N}"[..40],
        }.ConnectionString;
        await new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance)
            .MigrateAsync(connectionString, Migration.LoadFor(kind), cancellationToken);
        return connectionString;
    }

    public static async Task<long> CountAsync(string connectionString, string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
