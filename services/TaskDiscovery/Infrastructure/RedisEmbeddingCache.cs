using System.Runtime.InteropServices;
using SlmPlatform.Embeddings;
using StackExchange.Redis;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// Embeddings by content hash in Redis (one MGET / one batch of SETs per call batch), shared by every replica of the
/// tasks service. Entries expire, so texts no longer sent stop taking memory. Redis being down costs speed, not
/// calls: a failed read is a miss and a failed write is skipped.
/// </summary>
public sealed partial class RedisEmbeddingCache(IConnectionMultiplexer redis, ILogger<RedisEmbeddingCache> logger) : IEmbeddingCache
{
    private static readonly TimeSpan TimeToLive = TimeSpan.FromDays(7);

    public async ValueTask<float[]?[]> GetManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default)
    {
        try
        {
            var values = await redis.GetDatabase().StringGetAsync([.. keys.Select(k => (RedisKey)k)]);
            return [.. values.Select(v => v.HasValue ? MemoryMarshal.Cast<byte, float>((byte[])v!).ToArray() : null)];
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnavailable(e);
            return new float[]?[keys.Count];
        }
    }

    public async ValueTask SetManyAsync(IReadOnlyList<KeyValuePair<string, float[]>> entries, CancellationToken cancellationToken = default)
    {
        try
        {
            var database = redis.GetDatabase();
            await Task.WhenAll(entries.Select(e =>
                database.StringSetAsync(e.Key, MemoryMarshal.AsBytes(e.Value.AsSpan()).ToArray(), TimeToLive)));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnavailable(e);
        }
    }

    /// <summary>Unlike a lookup, an erasure must not pass over Redis being away: its failure is the caller's, to retry.</summary>
    public async ValueTask<long> RemoveManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken = default) =>
        keys.Count == 0 ? 0 : await redis.GetDatabase().KeyDeleteAsync([.. keys.Select(k => (RedisKey)k)]);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The embedding cache is unavailable; embedding without it")]
    private partial void LogUnavailable(Exception exception);
}
