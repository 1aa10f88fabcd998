using System.Globalization;
using StackExchange.Redis;

namespace SlmPlatform.Gateway.Routing;

/// <summary>
/// The gateway's tally of what routing did, per task and per UTC day, in its own Redis until it is published as
/// <see cref="RoutingTallied"/>: counters grow in a pending hash per (tenant, task, day); a flush moves each pending
/// hash aside under a tally id of its own (atomically, so no increment is lost or counted twice) and publishes it; a
/// tally leaves Redis only once the broker confirmed it. Every gateway replica shares the hashes.
/// </summary>
public sealed class RoutingLedger(IConnectionMultiplexer redis, TimeProvider time)
{
    private const string PendingSet = "slm:tally:pending";
    private const string OutboxSet = "slm:tally:outbox";
    private const string OutboxPrefix = "slm:tally-out:";
    private const string TenantField = "tenant";
    private const string TaskField = "task";
    private const string DayField = "day";

    // KEYS: pending set, pending hash, outbox hash, outbox set. Moves the hash aside only if it still exists.
    private static readonly LuaScript TakeScript = LuaScript.Prepare("""
        redis.call('SREM', @pendingSet, @pending)
        if redis.call('EXISTS', @pending) == 0 then return 0 end
        redis.call('RENAME', @pending, @outbox)
        redis.call('SADD', @outboxSet, @outbox)
        return 1
        """);

    public Task RecordAnswerAsync(string tenantId, Guid taskId, double milliseconds) =>
        IncrementAsync(tenantId, taskId, (nameof(RoutingCounts.Answered), 1), (nameof(RoutingCounts.AnsweredMilliseconds), milliseconds));

    public Task RecordFallbackAsync(string tenantId, Guid taskId) => IncrementAsync(tenantId, taskId, (nameof(RoutingCounts.FellBack), 1));

    /// <summary>A call the specialist was not sure enough of; <paramref name="milliseconds"/> it took to say so.</summary>
    public Task RecordAbstentionAsync(string tenantId, Guid taskId, double milliseconds) =>
        IncrementAsync(tenantId, taskId, (nameof(RoutingCounts.Abstained), 1), (nameof(RoutingCounts.AbstainedMilliseconds), milliseconds));

    /// <summary>A shadow call the specialist was not sure enough of (in full mode the teacher would have answered it).</summary>
    public Task RecordShadowAbstentionAsync(string tenantId, Guid taskId) => IncrementAsync(tenantId, taskId, (nameof(RoutingCounts.ShadowAbstained), 1));

    /// <summary>A specialist's answer compared with the teacher's for the same call.</summary>
    public Task RecordComparisonAsync(string tenantId, Guid taskId, bool agreed) =>
        IncrementAsync(tenantId, taskId, (nameof(RoutingCounts.ShadowCompared), 1), (nameof(RoutingCounts.ShadowAgreed), agreed ? 1 : 0));

    /// <summary>A shadow call the specialist did not answer usably (in full mode it would have fallen back).</summary>
    public Task RecordShadowFailureAsync(string tenantId, Guid taskId) => IncrementAsync(tenantId, taskId, (nameof(RoutingCounts.ShadowFailed), 1));

    /// <summary>Moves every pending tally aside for publishing; returns how many.</summary>
    public async Task<int> TakePendingAsync()
    {
        var database = redis.GetDatabase();
        var taken = 0;
        foreach (var pending in await database.SetMembersAsync(PendingSet))
        {
            taken += (int)await database.ScriptEvaluateAsync(TakeScript, new
            {
                pendingSet = (RedisKey)PendingSet,
                pending = (RedisKey)pending.ToString(),
                outbox = (RedisKey)$"{OutboxPrefix}{Guid.NewGuid():N}",
                outboxSet = (RedisKey)OutboxSet,
            });
        }

        return taken;
    }

    /// <summary>The tallies moved aside and not yet confirmed by the broker.</summary>
    public async Task<IReadOnlyList<RoutingTallied>> TakenAsync()
    {
        var database = redis.GetDatabase();
        var tallies = new List<RoutingTallied>();
        foreach (var key in await database.SetMembersAsync(OutboxSet))
        {
            var fields = (await database.HashGetAllAsync(key.ToString())).ToDictionary(f => f.Name.ToString(), f => f.Value, StringComparer.Ordinal);
            if (!fields.ContainsKey(TenantField) || !fields.ContainsKey(TaskField) || !fields.ContainsKey(DayField))
            {
                // Gone, or counts that say not whose they are: nobody could be credited with them.
                await database.KeyDeleteAsync(key.ToString());
                await database.SetRemoveAsync(OutboxSet, key);
                continue;
            }

            double Number(string field) => fields.TryGetValue(field, out var value) ? (double)value : 0;
            var counts = new RoutingCounts(
                (long)Number(nameof(RoutingCounts.Answered)), Number(nameof(RoutingCounts.AnsweredMilliseconds)), (long)Number(nameof(RoutingCounts.FellBack)),
                (long)Number(nameof(RoutingCounts.ShadowCompared)), (long)Number(nameof(RoutingCounts.ShadowAgreed)), (long)Number(nameof(RoutingCounts.ShadowFailed)),
                (long)Number(nameof(RoutingCounts.Abstained)), Number(nameof(RoutingCounts.AbstainedMilliseconds)), (long)Number(nameof(RoutingCounts.ShadowAbstained)));
            tallies.Add(new RoutingTallied(
                Guid.ParseExact(key.ToString()[OutboxPrefix.Length..], "N"), fields[TenantField].ToString(), Guid.Parse(fields[TaskField].ToString()),
                DateOnly.ParseExact(fields[DayField].ToString(), "yyyyMMdd", CultureInfo.InvariantCulture), counts));
        }

        return tallies;
    }

    /// <summary>Puts counts straight into the outbox as one tally with the given id (a second call with the same id
    /// writes the same tally again).</summary>
    public async Task AddToOutboxAsync(Guid tallyId, string tenantId, Guid taskId, DateOnly day, IReadOnlyList<(string Field, double Value)> counts)
    {
        var key = $"{OutboxPrefix}{tallyId:N}";
        var database = redis.GetDatabase();
        await database.HashSetAsync(key, [
            .. counts.Select(c => new HashEntry(c.Field, c.Value)),
            new HashEntry(TenantField, tenantId), new HashEntry(TaskField, taskId.ToString()),
            new HashEntry(DayField, day.ToString("yyyyMMdd", CultureInfo.InvariantCulture))]);
        await database.SetAddAsync(OutboxSet, key);
    }

    /// <summary>Forgets a tally the broker has confirmed.</summary>
    public async Task ForgetAsync(Guid tallyId)
    {
        var key = $"{OutboxPrefix}{tallyId:N}";
        await redis.GetDatabase().KeyDeleteAsync(key);
        await redis.GetDatabase().SetRemoveAsync(OutboxSet, key);
    }

    private async Task IncrementAsync(string tenantId, Guid taskId, params (string Field, double By)[] increments)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        RedisKey key = $"slm:tally:{tenantId}:{taskId:N}:{day}";
        var batch = redis.GetDatabase().CreateBatch();
        var writes = increments.Select(i => (Task)batch.HashIncrementAsync(key, i.Field, i.By)).ToList();
        writes.Add(batch.HashSetAsync(key, [new HashEntry(TenantField, tenantId), new HashEntry(TaskField, taskId.ToString()), new HashEntry(DayField, day)]));
        writes.Add(batch.SetAddAsync(PendingSet, key.ToString()));
        batch.Execute();
        await Task.WhenAll(writes);
    }
}
