using StackExchange.Redis;

namespace SlmPlatform.Routing;

/// <summary>
/// What routing did, per task and per day, kept in Redis by the gateways and read by the savings report and the
/// promotion policy: calls a specialist answered (and the milliseconds they took), calls that fell back to the teacher,
/// and the online comparisons with the teacher (shadow calls, and the sampled share of answered ones) — how many were
/// compared, how many agreed, and how many shadow calls the specialist could not answer usably. A selective specialist's
/// abstentions (calls it was not sure enough of, which the teacher answered) are counted apart from failures, with the
/// milliseconds the abstaining cost before the teacher was asked; in shadow, as calls it would have left to the teacher.
/// </summary>
public sealed class RoutingLedger(IConnectionMultiplexer redis, TimeProvider time)
{
    public const string Answered = "answered";
    public const string AnsweredMilliseconds = "answered_ms";
    public const string FellBack = "fell_back";
    public const string ShadowCompared = "shadow_compared";
    public const string ShadowAgreed = "shadow_agreed";
    public const string ShadowFailed = "shadow_failed";
    public const string Abstained = "abstained";
    public const string AbstainedMilliseconds = "abstained_ms";
    public const string ShadowAbstained = "shadow_abstained";
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(400);

    public Task RecordAnswerAsync(string tenantId, Guid taskId, double milliseconds) =>
        IncrementTimedAsync(tenantId, taskId, Answered, AnsweredMilliseconds, milliseconds);

    public Task RecordFallbackAsync(string tenantId, Guid taskId) => IncrementAsync(tenantId, taskId, FellBack);

    /// <summary>A call the specialist was not sure enough of; <paramref name="milliseconds"/> it took to say so.</summary>
    public Task RecordAbstentionAsync(string tenantId, Guid taskId, double milliseconds) =>
        IncrementTimedAsync(tenantId, taskId, Abstained, AbstainedMilliseconds, milliseconds);

    /// <summary>A shadow call the specialist was not sure enough of (in full mode the teacher would have answered it).</summary>
    public Task RecordShadowAbstentionAsync(string tenantId, Guid taskId) => IncrementAsync(tenantId, taskId, ShadowAbstained);

    /// <summary>A specialist's answer compared with the teacher's for the same call.</summary>
    public async Task RecordComparisonAsync(string tenantId, Guid taskId, bool agreed)
    {
        var key = Key(tenantId, taskId, time.GetUtcNow());
        var batch = redis.GetDatabase().CreateBatch();
        var compared = batch.HashIncrementAsync(key, ShadowCompared);
        var agreement = batch.HashIncrementAsync(key, ShadowAgreed, agreed ? 1 : 0);
        var expiry = batch.KeyExpireAsync(key, KeptFor);
        batch.Execute();
        await Task.WhenAll(compared, agreement, expiry);
    }

    /// <summary>A shadow call the specialist did not answer usably (in full mode it would have fallen back).</summary>
    public Task RecordShadowFailureAsync(string tenantId, Guid taskId) => IncrementAsync(tenantId, taskId, ShadowFailed);

    /// <summary>The task's figures for each day from <paramref name="from"/> to <paramref name="to"/> (UTC dates), days without calls left out.</summary>
    public async Task<IReadOnlyList<RoutingDay>> ReadAsync(string tenantId, Guid taskId, DateOnly from, DateOnly to)
    {
        var days = new List<RoutingDay>();
        var database = redis.GetDatabase();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var fields = (await database.HashGetAllAsync(Key(tenantId, taskId, day))).ToDictionary(f => f.Name.ToString(), f => (double)f.Value, StringComparer.Ordinal);
            if (fields.Count > 0)
            {
                days.Add(new RoutingDay(
                    day, (long)fields.GetValueOrDefault(Answered), fields.GetValueOrDefault(AnsweredMilliseconds), (long)fields.GetValueOrDefault(FellBack),
                    (long)fields.GetValueOrDefault(ShadowCompared), (long)fields.GetValueOrDefault(ShadowAgreed), (long)fields.GetValueOrDefault(ShadowFailed),
                    (long)fields.GetValueOrDefault(Abstained), fields.GetValueOrDefault(AbstainedMilliseconds), (long)fields.GetValueOrDefault(ShadowAbstained)));
            }
        }

        return days;
    }

    private async Task IncrementTimedAsync(string tenantId, Guid taskId, string field, string millisecondsField, double milliseconds)
    {
        var key = Key(tenantId, taskId, time.GetUtcNow());
        var batch = redis.GetDatabase().CreateBatch();
        var counted = batch.HashIncrementAsync(key, field);
        var timed = batch.HashIncrementAsync(key, millisecondsField, milliseconds);
        var expiry = batch.KeyExpireAsync(key, KeptFor);
        batch.Execute();
        await Task.WhenAll(counted, timed, expiry);
    }

    private async Task IncrementAsync(string tenantId, Guid taskId, string field)
    {
        var key = Key(tenantId, taskId, time.GetUtcNow());
        await redis.GetDatabase().HashIncrementAsync(key, field);
        await redis.GetDatabase().KeyExpireAsync(key, KeptFor);
    }

    private static RedisKey Key(string tenantId, Guid taskId, DateTimeOffset at) => Key(tenantId, taskId, DateOnly.FromDateTime(at.UtcDateTime));

    private static RedisKey Key(string tenantId, Guid taskId, DateOnly day) => $"slm:routing:{tenantId}:{taskId:N}:{day:yyyyMMdd}";
}

/// <summary>One day of routing for a task.</summary>
public sealed record RoutingDay(
    DateOnly Day, long Answered, double AnsweredMilliseconds, long FellBack, long ShadowCompared = 0, long ShadowAgreed = 0, long ShadowFailed = 0,
    long Abstained = 0, double AbstainedMilliseconds = 0, long ShadowAbstained = 0);
