using Npgsql;
using SlmPlatform.ApiKeys;

namespace SlmPlatform.Testing;

/// <summary>Makes API keys for test tenants, stored the way the platform stores them (hashed).</summary>
public static class TestApiKeys
{
    public static async Task<string> CreateAsync(string platformDb, string tenantId, CancellationToken cancellationToken)
    {
        var key = ApiKey.Generate();
        await using var dataSource = NpgsqlDataSource.Create(platformDb);
        await using var command = dataSource.CreateCommand(
            "insert into api_keys (key_hash, key_prefix, tenant_id, name) values ($1, $2, $3, 'test')");
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKey.Hash(key) });
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKey.DisplayPrefix(key) });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return key;
    }
}
