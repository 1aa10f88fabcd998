using Npgsql;
using SlmPlatform.ApiKeys;

namespace SlmPlatform.DbMigrator.Infrastructure;

/// <summary>
/// Registers the development API key that the AppHost generated in local mode (tenant <c>dev</c>). Repeating it
/// changes nothing, and a fresh database gets the same key back, so <c>.slm/dev-api-key</c> always works.
/// </summary>
public sealed partial class DevApiKeySeeder(ILogger<DevApiKeySeeder> logger)
{
    public const string DevTenant = "dev";

    public async Task SeedAsync(string platformDbConnectionString, string key, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(platformDbConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var tenant = new NpgsqlCommand(
            "insert into tenants (tenant_id, name) values ($1, 'development tenant (local mode)') on conflict (tenant_id) do nothing", connection))
        {
            tenant.Parameters.Add(new NpgsqlParameter { Value = DevTenant });
            await tenant.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(
            """
            insert into api_keys (key_hash, key_prefix, tenant_id, name)
            values ($1, $2, $3, 'development key (local mode)')
            on conflict (key_hash) do nothing
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKey.Hash(key) });
        var keyPrefix = ApiKey.DisplayPrefix(key);
        command.Parameters.Add(new NpgsqlParameter { Value = keyPrefix });
        command.Parameters.Add(new NpgsqlParameter { Value = DevTenant });
        if (await command.ExecuteNonQueryAsync(cancellationToken) > 0)
        {
            LogSeeded(keyPrefix, DevTenant);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered development API key {KeyPrefix}… for tenant {Tenant}")]
    private partial void LogSeeded(string keyPrefix, string tenant);
}
