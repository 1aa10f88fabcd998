using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace SlmPlatform.ApiKeys;

/// <summary>
/// Resolves an API key to its tenant from the platform database. Answers are cached briefly, because every request
/// asks; a revoked key stops working within <see cref="CacheFor"/>.
/// </summary>
public sealed class ApiKeyStore([FromKeyedServices(ApiKeyStore.DatabaseName)] NpgsqlDataSource dataSource, IMemoryCache cache)
{
    public const string DatabaseName = "platformdb";
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    public async ValueTask<string?> FindTenantAsync(string key, CancellationToken cancellationToken)
    {
        var hash = ApiKey.Hash(key);
        var cacheKey = "api-key:" + Convert.ToHexString(hash);
        if (cache.TryGetValue(cacheKey, out string? tenant))
        {
            return tenant;
        }

        await using var command = dataSource.CreateCommand(
            "select tenant_id from api_keys where key_hash = $1 and revoked_at is null");
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        tenant = await command.ExecuteScalarAsync(cancellationToken) as string;

        cache.Set(cacheKey, tenant, CacheFor);
        return tenant;
    }
}
