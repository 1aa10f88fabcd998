using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.ApiKeys;

/// <summary>Issues, lists, rotates and revokes a tenant's keys in the platform database (hashes only).</summary>
public sealed class ApiKeyRegistry([FromKeyedServices(ApiKeyStore.DatabaseName)] NpgsqlDataSource dataSource)
{
    private const string Columns = "key_id, name, key_prefix, scopes, created_at, expires_at, revoked_at";

    public async Task<IssuedKey> IssueAsync(string tenantId, string name, IReadOnlyList<string> scopes, DateTimeOffset? expiresAt, CancellationToken cancellationToken)
    {
        var key = ApiKey.Generate();
        await using var command = dataSource.CreateCommand(
            $"insert into api_keys (key_hash, key_prefix, tenant_id, name, scopes, expires_at) values ($1, $2, $3, $4, $5, $6) returning {Columns}");
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKey.Hash(key) });
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKey.DisplayPrefix(key) });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = scopes.Distinct(StringComparer.Ordinal).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)expiresAt ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new IssuedKey(key, Read(reader));
    }

    public async Task<IReadOnlyList<IssuedKeyInfo>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from api_keys where tenant_id = $1 order by created_at desc, key_id");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new List<IssuedKeyInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(Read(reader));
        }

        return keys;
    }

    public async Task<IssuedKeyInfo?> FindAsync(string tenantId, Guid keyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from api_keys where tenant_id = $1 and key_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = keyId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Stops the key; false when the tenant has no such key. Revoking twice keeps the first time.</summary>
    public async Task<bool> RevokeAsync(string tenantId, Guid keyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update api_keys set revoked_at = coalesce(revoked_at, now()) where tenant_id = $1 and key_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = keyId });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// A new key with the old one's name and scopes; the old one keeps working until <paramref name="oldExpiresAt"/> (or
    /// its own earlier expiry), so agents can move over. Null when the tenant has no such live key.
    /// </summary>
    public async Task<IssuedKey?> RotateAsync(string tenantId, Guid keyId, DateTimeOffset oldExpiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            update api_keys set expires_at = least(coalesce(expires_at, $3), $3)
            where tenant_id = $1 and key_id = $2 and revoked_at is null and (expires_at is null or expires_at > now())
            returning name, scopes, expires_at
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = keyId });
        command.Parameters.Add(new NpgsqlParameter { Value = oldExpiresAt });
        string name;
        string[] scopes;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            (name, scopes) = (reader.GetString(0), reader.GetFieldValue<string[]>(1));
        }

        var key = ApiKey.Generate();
        await using var insert = new NpgsqlCommand(
            $"insert into api_keys (key_hash, key_prefix, tenant_id, name, scopes) values ($1, $2, $3, $4, $5) returning {Columns}", connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = ApiKey.Hash(key) });
        insert.Parameters.Add(new NpgsqlParameter { Value = ApiKey.DisplayPrefix(key) });
        insert.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        insert.Parameters.Add(new NpgsqlParameter { Value = name });
        insert.Parameters.Add(new NpgsqlParameter { Value = scopes });
        IssuedKeyInfo info;
        await using (var reader = await insert.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            info = Read(reader);
        }

        await transaction.CommitAsync(cancellationToken);
        return new IssuedKey(key, info);
    }

    private static IssuedKeyInfo Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3), reader.GetFieldValue<DateTimeOffset>(4),
        reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5), reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6));
}
