using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using StackExchange.Redis;

namespace SlmPlatform.Gateway.Routing;

/// <summary>
/// The gateway's routing table in Redis: per tenant a hash from route key to route, and beside it each routed task's
/// version and keys. Only <see cref="ApplyAsync"/> writes it, from task discovery's <see cref="SpecialistRouteChanged"/>.
/// Readers keep what they read for a few seconds and drop it at once when a change is announced on
/// <see cref="ChangedChannel"/>, so the request path costs a dictionary lookup, and a promotion or demotion takes effect
/// on every gateway within a round trip: a read that was under way when the change was announced answers only the calls
/// that were waiting on it. Calls that find a tenant's routes stale at the same moment share one read. Redis being away
/// never fails a call: readers keep the routes they last read, or route nothing, until it is back.
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
    private readonly ConcurrentDictionary<string, TenantRoutes> _tenants = new(StringComparer.Ordinal);
    // Bumped by every change notice of a tenant: a read that began before a notice may answer the calls that were
    // waiting on it, but is not kept for later ones, and no later caller joins it.
    private readonly ConcurrentDictionary<string, StrongBox<long>> _generations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PendingRead> _reading = new(StringComparer.Ordinal);
    private readonly Lock _subscribing = new();
    private readonly Action<RedisChannel, RedisValue> _onChanged;
    private bool _subscribed;

    public RouteTable(IConnectionMultiplexer redis, TimeSpan? maxAge = null)
    {
        _redis = redis;
        _maxAge = maxAge ?? TimeSpan.FromSeconds(5);
        _onChanged = (_, tenantId) => Forget(tenantId.ToString());
    }

    /// <summary>The route for the first of the keys that has one, or null: the call goes to the teacher.</summary>
    public async ValueTask<SpecialistRoute?> FindAsync(string tenantId, IEnumerable<string> routeKeys)
    {
        var known = _tenants.TryGetValue(tenantId, out var entry);
        if (!known || DateTime.UtcNow - entry!.ReadAt > _maxAge)
        {
            try
            {
                entry = await ReadAsync(tenantId);
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
            if (entry!.Routes.TryGetValue(key, out var route))
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
        Forget(change.TenantId);
        await _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(ChangedChannel), change.TenantId);
        return applied;
    }

    public void Dispose()
    {
        lock (_subscribing)
        {
            if (_subscribed)
            {
                _redis.GetSubscriber().Unsubscribe(RedisChannel.Literal(ChangedChannel), _onChanged);
            }
        }
    }

    /// <summary>
    /// The tenant's routes from Redis, read once however many calls want them at the same time: the calls that find a
    /// tenant's routes stale while a read of them is under way wait for that read rather than each reading the hash.
    /// </summary>
    private async Task<TenantRoutes> ReadAsync(string tenantId)
    {
        var generation = Generation(tenantId);
        var mine = new PendingRead(Volatile.Read(ref generation.Value));
        var pending = _reading.GetOrAdd(tenantId, mine);
        if (pending != mine)
        {
            // A read begun at this generation or after it is as fresh as this caller needs.
            if (pending.Generation >= mine.Generation)
            {
                return await pending.Result.Task;
            }

            // The read under way began before a change notice: this caller reads again, and the callers after it join
            // this read instead.
            _reading.TryUpdate(tenantId, mine, pending);
        }

        try
        {
            Subscribe();
            var fields = await _redis.GetDatabase().HashGetAllAsync(RoutesKey(tenantId));
            var routes = new TenantRoutes(
                fields.ToDictionary(f => f.Name.ToString(), f => JsonSerializer.Deserialize<SpecialistRoute>(f.Value.ToString(), Json)!, StringComparer.Ordinal),
                DateTime.UtcNow);
            Keep(tenantId, routes, mine.Generation, generation);
            mine.Result.SetResult(routes);
            return routes;
        }
        catch (Exception e)
        {
            mine.Result.SetException(e);
            // Marked observed: when no other caller waits on this read, nobody else ever reads its exception.
            _ = mine.Result.Task.Exception;
            throw;
        }
        finally
        {
            _reading.TryRemove(KeyValuePair.Create(tenantId, mine));
        }
    }

    /// <summary>
    /// Keeps what a read found unless a change was announced since it began. A notice bumps the generation before it
    /// drops the tenant's routes, so checking again after the store catches a notice that came between check and store.
    /// </summary>
    private void Keep(string tenantId, TenantRoutes routes, long readAtGeneration, StrongBox<long> generation)
    {
        if (Volatile.Read(ref generation.Value) != readAtGeneration)
        {
            return;
        }

        _tenants[tenantId] = routes;
        if (Volatile.Read(ref generation.Value) != readAtGeneration)
        {
            _tenants.TryRemove(KeyValuePair.Create(tenantId, routes));
        }
    }

    private void Forget(string tenantId)
    {
        Interlocked.Increment(ref Generation(tenantId).Value);
        _tenants.TryRemove(tenantId, out _);
    }

    private StrongBox<long> Generation(string tenantId) => _generations.GetOrAdd(tenantId, static _ => new StrongBox<long>());

    private void Subscribe()
    {
        lock (_subscribing)
        {
            if (_subscribed)
            {
                return;
            }

            _redis.GetSubscriber().Subscribe(RedisChannel.Literal(ChangedChannel), _onChanged);
            _subscribed = true;
        }
    }

    private static RedisKey RoutesKey(string tenantId) => $"slm:routes:{tenantId}";

    private static RedisKey TasksKey(string tenantId) => $"slm:routes:{tenantId}:tasks";

    private sealed record TenantRoutes(Dictionary<string, SpecialistRoute> Routes, DateTime ReadAt);

    /// <summary>A read of a tenant's routes under way, begun at a generation of its change notices.</summary>
    private sealed class PendingRead(long generation)
    {
        public long Generation { get; } = generation;

        public TaskCompletionSource<TenantRoutes> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
