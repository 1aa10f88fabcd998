using System.Text.RegularExpressions;
using Npgsql;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.ApiKeys;

/// <summary>A tenant as an operator sees it: its keys still live, and whether it was disabled.</summary>
public sealed record TenantInfo(string TenantId, string Name, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt, int LiveKeys);

/// <summary>
/// Creates tenants with their first admin key, lists them, and disables them (every key revoked, so every service
/// refuses them within seconds). The operator's tool, not an API: no tenant's key may create or see another tenant.
/// </summary>
public sealed partial class TenantRegistry(NpgsqlDataSource dataSource)
{
    public const string FirstKeyName = "first admin key";

    /// <summary>Lower-case letters, digits and hyphens, 2 to 63 characters, starting with a letter or digit: it names things in URLs and logs.</summary>
    public static bool IsValidId(string tenantId) => TenantIdPattern().IsMatch(tenantId);

    /// <summary>The tenant and its first key (every scope); null when a tenant of that id exists already.</summary>
    public async Task<IssuedKey?> CreateAsync(string tenantId, string name, CancellationToken cancellationToken)
    {
        if (!IsValidId(tenantId))
        {
            throw new ArgumentException($"'{tenantId}' is not a tenant id: use 2 to 63 lower-case letters, digits and hyphens.", nameof(tenantId));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand(
            "insert into tenants (tenant_id, name) values ($1, $2) on conflict (tenant_id) do nothing", connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            insert.Parameters.Add(new NpgsqlParameter { Value = name });
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        var key = ApiKey.Generate();
        await using (var issue = new NpgsqlCommand(
            """
            insert into api_keys (key_hash, key_prefix, tenant_id, name, scopes) values ($1, $2, $3, $4, $5)
            returning key_id, name, key_prefix, scopes, created_at, expires_at, revoked_at
            """, connection, transaction))
        {
            issue.Parameters.Add(new NpgsqlParameter { Value = ApiKey.Hash(key) });
            issue.Parameters.Add(new NpgsqlParameter { Value = ApiKey.DisplayPrefix(key) });
            issue.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            issue.Parameters.Add(new NpgsqlParameter { Value = FirstKeyName });
            issue.Parameters.Add(new NpgsqlParameter { Value = ApiScopes.All.ToArray() });
            await using var reader = await issue.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var info = new IssuedKeyInfo(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<string[]>(3),
                reader.GetFieldValue<DateTimeOffset>(4), null, null);
            await reader.CloseAsync();
            await transaction.CommitAsync(cancellationToken);
            return new IssuedKey(key, info);
        }
    }

    public async Task<IReadOnlyList<TenantInfo>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select t.tenant_id, t.name, t.created_at, t.disabled_at,
                   (select count(*) from api_keys k where k.tenant_id = t.tenant_id and k.revoked_at is null and (k.expires_at is null or k.expires_at > now()))::int
            from tenants t order by t.created_at
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tenants = new List<TenantInfo>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tenants.Add(new TenantInfo(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4)));
        }

        return tenants;
    }

    /// <summary>Revokes every key of the tenant and marks it disabled; the number of keys revoked, or null for no such tenant.</summary>
    /// <summary>
    /// Sets the tenant's own daily quota of captured calls (0: none), or clears it (null: the platform's default);
    /// false when there is no such tenant. Services see it within their key cache's few seconds.
    /// </summary>
    public async Task<bool> SetCallsPerDayAsync(string tenantId, long? callsPerDay, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(callsPerDay ?? 0, nameof(callsPerDay));
        await using var update = dataSource.CreateCommand("update tenants set calls_per_day = $2 where tenant_id = $1");
        update.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        update.Parameters.Add(new NpgsqlParameter { Value = (object?)callsPerDay ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint });
        return await update.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int?> DisableAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var disable = new NpgsqlCommand("update tenants set disabled_at = coalesce(disabled_at, now()) where tenant_id = $1", connection, transaction))
        {
            disable.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            if (await disable.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                return null;
            }
        }

        await using var revoke = new NpgsqlCommand("update api_keys set revoked_at = now() where tenant_id = $1 and revoked_at is null", connection, transaction);
        revoke.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        var revoked = await revoke.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return revoked;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex TenantIdPattern();
}
