using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SlmPlatform.ApiKeys;

/// <summary>
/// Section <c>Quotas</c>: how many calls a tenant may have captured per UTC day, through ingest and the gateway
/// together, unless the tenant has a quota of its own (<c>tenant quota</c>). 0 means no quota.
/// </summary>
public sealed class DailyCallQuotaOptions
{
    public const string SectionName = "Quotas";

    public long CallsPerDay { get; set; }
}

/// <summary>A refused call: the quota it hit and how long until the next UTC day gives it back.</summary>
public sealed record QuotaRefusal(long CallsPerDay, TimeSpan RetryAfter)
{
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    public string Detail => $"This tenant's quota of {CallsPerDay} calls a day is used up; it renews at 00:00 UTC, in {RetryAfterSeconds} s.";
}

/// <summary>
/// Counts each tenant's captured calls per UTC day in Redis, shared by every replica of ingest and the gateway. A
/// call refused, or not accepted after all (the broker away), does not count. With Redis away the quota is not
/// enforced, and that is logged: an agent's traffic matters more than its bill. Service-to-service requests have no quota.
/// </summary>
public sealed partial class DailyCallQuota(IOptions<DailyCallQuotaOptions> options, TimeProvider time, IServiceProvider services, ILogger<DailyCallQuota> logger)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(2);

    private readonly IConnectionMultiplexer? _redis = services.GetService<IConnectionMultiplexer>();

    /// <summary>Takes <paramref name="calls"/> from the tenant's quota for today; a refusal when they do not fit (nothing is taken then).</summary>
    public async Task<QuotaRefusal?> TryTakeAsync(ClaimsPrincipal user, int calls, CancellationToken cancellationToken)
    {
        if (Limit(user) is not { } limit || _redis is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        try
        {
            var database = _redis.GetDatabase();
            var key = Key(user.GetTenantId(), now);
            var used = await database.StringIncrementAsync(key, calls).WaitAsync(cancellationToken);
            if (used == calls)
            {
                await database.KeyExpireAsync(key, KeptFor, flags: CommandFlags.FireAndForget);
            }

            if (used <= limit)
            {
                return null;
            }

            await database.StringDecrementAsync(key, calls, CommandFlags.FireAndForget);
            return new QuotaRefusal(limit, now.UtcDateTime.Date.AddDays(1) - now.UtcDateTime);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogNotCounted(user.GetTenantId(), calls, e.GetType().Name);
            return null;
        }
    }

    /// <summary>Gives back calls taken for a request that was not accepted after all.</summary>
    public async Task GiveBackAsync(ClaimsPrincipal user, int calls)
    {
        if (Limit(user) is null || _redis is null)
        {
            return;
        }

        try
        {
            await _redis.GetDatabase().StringDecrementAsync(Key(user.GetTenantId(), time.GetUtcNow()), calls, CommandFlags.FireAndForget);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogNotCounted(user.GetTenantId(), -calls, e.GetType().Name);
        }
    }

    // The tenant's own quota (a claim from its key's lookup), else the platform's; none for services or when 0.
    private long? Limit(ClaimsPrincipal user)
    {
        if (user.HasClaim(c => c.Type == TenantClaims.Service))
        {
            return null;
        }

        var limit = user.FindFirstValue(TenantClaims.CallsPerDay) is { } own
            ? long.Parse(own, CultureInfo.InvariantCulture)
            : options.Value.CallsPerDay;
        return limit > 0 ? limit : null;
    }

    private static string Key(string tenantId, DateTimeOffset now) =>
        $"quota:calls:{tenantId}:{now.UtcDateTime:yyyyMMdd}";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is away: {Calls} calls of tenant {TenantId} not counted against its quota ({ErrorType})")]
    private partial void LogNotCounted(string tenantId, int calls, string errorType);
}
