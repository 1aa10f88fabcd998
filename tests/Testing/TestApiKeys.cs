using Npgsql;
using NpgsqlTypes;
using SlmPlatform.ApiKeys;

namespace SlmPlatform.Testing;

/// <summary>Keys written straight into a test's platform database, as an operator's first key would be.</summary>
public static class TestApiKeys
{
    /// <summary>A key of <paramref name="tenantId"/> with every scope, as keys made before scopes existed have.</summary>
    public static Task<string> CreateAsync(string platformDb, string tenantId, CancellationToken cancellationToken) =>
        CreateAsync(platformDb, tenantId, ApiScopes.All, null, cancellationToken);

    public static async Task<string> CreateAsync(
        string platformDb, string tenantId, IReadOnlyList<string> scopes, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var key = ApiKey.Generate();
        await using var dataSource = NpgsqlDataSource.Create(platformDb);
        await using var command = dataSource.CreateCommand(
            "insert into api_keys (key_hash, key_prefix, tenant_id, name, scopes, expires_at) values ($1, $2, $3, 'test', $4, $5)");
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKey.Hash(key) });
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKey.DisplayPrefix(key) });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = scopes.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)expiresAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return key;
    }
}
