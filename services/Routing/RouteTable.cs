using System.Collections.Concurrent;
using System.Text.Json;
using StackExchange.Redis;

namespace SlmPlatform.Routing;

/// <summary>
/// The routing table in Redis: per tenant a hash from route key to route. Readers keep what they read for a few
/// seconds and drop it at once when a writer announces a change on <see cref="ChangedChannel"/>, so the request path
/// costs a dictionary lookup, and a promotion or demotion takes effect everywhere within a round trip. Redis being
/// away never fails a call: readers keep the routes they last read, or route nothing, until it is back.
/// </summary>
public sealed class RouteTable : IDisposable
{
    public const string ChangedChannel = "slm:routes:changed";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly IConnectionMultiplexer _redis;
    private readonly TimeSpan _maxAge;
    private readonly ConcurrentDictionary<string, (Dictionary<string, SpecialistRoute> Routes, DateTime ReadAt)> _tenants = new(StringComparer.Ordinal);
    private readonly Lock _subscribing = new();
    private ChannelMessageQueue? _changes;

    public RouteTable(IConnectionMultiplexer redis, TimeSpan? maxAge = null)
    {
        _redis = redis;
        _maxAge = maxAge ?? TimeSpan.FromSeconds(5);
    }

    /// <summary>The route for the first of the keys that has one, or null: the call goes to the teacher.</summary>
    public async ValueTask<SpecialistRoute?> FindAsync(string tenantId, IEnumerable<string> routeKeys)
    {
        var known = _tenants.TryGetValue(tenantId, out var entry);
        if (!known || DateTime.UtcNow - entry.ReadAt > _maxAge)
        {
            try
            {
                Subscribe();
                var fields = await _redis.GetDatabase().HashGetAllAsync(TableKey(tenantId));
                entry = (fields.ToDictionary(f => f.Name.ToString(), f => JsonSerializer.Deserialize<SpecialistRoute>(f.Value.ToString(), Json)!, StringComparer.Ordinal), DateTime.UtcNow);
                _tenants[tenantId] = entry;
            }
            // A slow Redis throws RedisTimeoutException, which is a TimeoutException and no RedisException.
            catch (Exception e) when (known && e is RedisException or TimeoutException)
            {
                // Keep serving the routes last read.
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                return null;
            }
        }

        foreach (var key in routeKeys)
        {
            if (entry.Routes.TryGetValue(key, out var route))
            {
                return route;
            }
        }

        return null;
    }

    /// <summary>Routes the keys to the route (replacing what they had) and tells every reader.</summary>
    public async Task SetAsync(string tenantId, IReadOnlyList<string> routeKeys, SpecialistRoute route)
    {
        var value = JsonSerializer.Serialize(route, Json);
        await _redis.GetDatabase().HashSetAsync(TableKey(tenantId), [.. routeKeys.Select(k => new HashEntry(k, value))]);
        await AnnounceAsync(tenantId);
    }

    /// <summary>Sends the keys' calls back to the teacher.</summary>
    public async Task RemoveAsync(string tenantId, IReadOnlyList<string> routeKeys)
    {
        await _redis.GetDatabase().HashDeleteAsync(TableKey(tenantId), [.. routeKeys.Select(k => (RedisValue)k)]);
        await AnnounceAsync(tenantId);
    }

    public void Dispose() => _changes?.Unsubscribe();

    private void Subscribe()
    {
        lock (_subscribing)
        {
            if (_changes is not null)
            {
                return;
            }

            _changes = _redis.GetSubscriber().Subscribe(RedisChannel.Literal(ChangedChannel));
            _changes.OnMessage(message => _tenants.TryRemove(message.Message.ToString(), out _));
        }
    }

    private static RedisKey TableKey(string tenantId) => $"slm:routes:{tenantId}";

    private async Task AnnounceAsync(string tenantId)
    {
        _tenants.TryRemove(tenantId, out _);
        await _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(ChangedChannel), tenantId);
    }
}
