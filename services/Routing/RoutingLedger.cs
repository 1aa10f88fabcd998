using StackExchange.Redis;

namespace SlmPlatform.Routing;

/// <summary>
/// What routing did, per task and per day, kept in Redis by the gateways and read by the savings report: calls a
/// specialist answered (and the milliseconds they took), and calls that fell back to the teacher.
/// </summary>
public sealed class RoutingLedger(IConnectionMultiplexer redis, TimeProvider time)
{
    public const string Answered = "answered";
    public const string AnsweredMilliseconds = "answered_ms";
    public const string FellBack = "fell_back";
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(400);

    public async Task RecordAnswerAsync(string tenantId, Guid taskId, double milliseconds)
    {
        var key = Key(tenantId, taskId, time.GetUtcNow());
        var batch = redis.GetDatabase().CreateBatch();
        var counted = batch.HashIncrementAsync(key, Answered);
        var timed = batch.HashIncrementAsync(key, AnsweredMilliseconds, milliseconds);
        var expiry = batch.KeyExpireAsync(key, KeptFor);
        batch.Execute();
        await Task.WhenAll(counted, timed, expiry);
    }

    public async Task RecordFallbackAsync(string tenantId, Guid taskId)
    {
        var key = Key(tenantId, taskId, time.GetUtcNow());
        await redis.GetDatabase().HashIncrementAsync(key, FellBack);
        await redis.GetDatabase().KeyExpireAsync(key, KeptFor);
    }

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
                days.Add(new RoutingDay(day, (long)fields.GetValueOrDefault(Answered), fields.GetValueOrDefault(AnsweredMilliseconds), (long)fields.GetValueOrDefault(FellBack)));
            }
        }

        return days;
    }

    private static RedisKey Key(string tenantId, Guid taskId, DateTimeOffset at) => Key(tenantId, taskId, DateOnly.FromDateTime(at.UtcDateTime));

    private static RedisKey Key(string tenantId, Guid taskId, DateOnly day) => $"slm:routing:{tenantId}:{taskId:N}:{day:yyyyMMdd}";
}

/// <summary>One day of routing for a task.</summary>
public sealed record RoutingDay(DateOnly Day, long Answered, double AnsweredMilliseconds, long FellBack);
