using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace SlmPlatform.ApiKeys;

/// <summary>What a valid key grants: its tenant, its id, its scopes, until when, and its tenant's own daily quota.</summary>
public sealed record ApiKeyGrant(string TenantId, Guid KeyId, IReadOnlyList<string> Scopes, DateTimeOffset? ExpiresAt, long? CallsPerDay = null)
{
    public bool IsValidAt(DateTimeOffset now) => ExpiresAt is not { } expiry || expiry > now;
}

/// <summary>
/// Resolves an API key from the platform database. Every request asks, so answers are cached for
/// <see cref="CacheFor"/>: a revoked key stops working within that time on every service. With the database away, a
/// key that was valid in the last <see cref="KeepLastKnownFor"/> stays valid (its expiry still holds), so a database
/// restart does not turn every request into an error; a database that does not answer at all (a partition that drops
/// packets) is waited for <see cref="WaitForDatabase"/>, not for the driver's timeouts of half a minute.
/// </summary>
public sealed class ApiKeyStore([FromKeyedServices(ApiKeyStore.DatabaseName)] NpgsqlDataSource dataSource, IMemoryCache cache, TimeProvider time)
{
    public const string DatabaseName = "platformdb";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan KeepLastKnownFor = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan WaitForDatabase = TimeSpan.FromSeconds(2);

    /// <summary>The key's grant; null when it is unknown, revoked or expired.</summary>
    public async ValueTask<ApiKeyGrant?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKey.Hash(key);
        var freshKey = "api-key:" + Convert.ToHexString(hash);
        var lastKnownKey = "api-key-last-known:" + Convert.ToHexString(hash);
        if (!cache.TryGetValue(freshKey, out ApiKeyGrant? grant))
        {
            var reading = ReadAsync(hash, cancellationToken);
            try
            {
                grant = await reading.WaitAsync(WaitForDatabase, time, cancellationToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && cache.TryGetValue(lastKnownKey, out ApiKeyGrant? lastKnown))
            {
                Abandon(reading);
                // Until the next fresh answer is due, the last known one answers at once instead of each request
                // waiting again on a database that does not answer.
                cache.Set(freshKey, lastKnown, CacheFor);
                return lastKnown!.IsValidAt(time.GetUtcNow()) ? lastKnown : null;
            }
            catch (TimeoutException)
            {
                Abandon(reading);
                throw;
            }

            cache.Set(freshKey, grant, CacheFor);
            if (grant is null)
            {
                cache.Remove(lastKnownKey);
            }
            else
            {
                cache.Set(lastKnownKey, grant, KeepLastKnownFor);
            }
        }

        return grant is not null && grant.IsValidAt(time.GetUtcNow()) ? grant : null;
    }

    // A lookup given up on still ends some time later, maybe in a fault nobody awaits any more.
    private static void Abandon(Task reading) =>
        reading.ContinueWith(static r => r.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);

    private async Task<ApiKeyGrant?> ReadAsync(byte[] hash, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select k.tenant_id, k.key_id, k.scopes, k.expires_at, t.calls_per_day
            from api_keys k left join tenants t on t.tenant_id = k.tenant_id
            where k.key_hash = $1 and k.revoked_at is null
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new ApiKeyGrant(
                reader.GetString(0), reader.GetGuid(1), reader.GetFieldValue<string[]>(2), reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetInt64(4))
            : null;
    }
}
