using System.Collections.Concurrent;
using StackExchange.Redis;

namespace SlmPlatform.Gateway.Routing;

/// <summary>
/// The gateway's routing table in Redis: per tenant a hash from route key to route, and beside it each routed task's
/// version and keys. Only <see cref="ApplyAsync"/> writes it, from task discovery's <see cref="SpecialistRouteChanged"/>.
/// Readers keep what they read for a few seconds and drop it at once when a change is announced on
/// <see cref="ChangedChannel"/>, so the request path costs a dictionary lookup, and a promotion or demotion takes effect
/// on every gateway within a round trip. Redis being away never fails a call: readers keep the routes they last read,
/// or route nothing, until it is back.
/// </summary>
public sealed class RouteTable : IDisposable
{
    public const string ChangedChannel = "slm:routes:changed";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    // KEYS: routes hash, tasks hash. ARGV: task id, version, keys (JSON array), route JSON ('' to remove).
    // Older versions are ignored; the same version only adds keys; a newer one replaces the task's keys.
    private static readonly LuaScript Apply = LuaScript.Prepare("""
        local held = redis.call('HGET', @tasks, @task)
        local version = tonumber(@version)
        local keys = cjson.decode(@keys)
        local old = {}
        if held then
          local state = cjson.decode(held)
          if state.version > version then return 0 end
          if state.version == version then
            local seen = {}
            for _, k in ipairs(keys) do seen[k] = true end
            for _, k in ipairs(state.keys) do if not seen[k] then table.insert(keys, k) end end
          else
            old = state.keys
          end
        end
        local kept = {}
        for _, k in ipairs(keys) do kept[k] = true end
        for _, k in ipairs(old) do if not kept[k] then redis.call('HDEL', @routes, k) end end
        if @route == '' then
          for _, k in ipairs(keys) do redis.call('HDEL', @routes, k) end
        else
          for _, k in ipairs(keys) do redis.call('HSET', @routes, k, @route) end
        end
        redis.call('HSET', @tasks, @task, cjson.encode({version = version, keys = keys}))
        return 1
        """);

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
                var fields = await _redis.GetDatabase().HashGetAllAsync(RoutesKey(tenantId));
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

    /// <summary>Applies a task's routing change unless a newer one is already in; tells every reader. False when it was stale.</summary>
    public async Task<bool> ApplyAsync(SpecialistRouteChanged change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var applied = (int)await _redis.GetDatabase().ScriptEvaluateAsync(Apply, new
        {
            routes = RoutesKey(change.TenantId),
            tasks = TasksKey(change.TenantId),
            task = change.TaskId.ToString("N"),
            version = change.Version,
            keys = JsonSerializer.Serialize(change.RouteKeys),
            route = change.Route is null ? string.Empty : JsonSerializer.Serialize(change.Route, Json),
        }) == 1;
        _tenants.TryRemove(change.TenantId, out _);
        await _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(ChangedChannel), change.TenantId);
        return applied;
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

    private static RedisKey RoutesKey(string tenantId) => $"slm:routes:{tenantId}";

    private static RedisKey TasksKey(string tenantId) => $"slm:routes:{tenantId}:tasks";
}
