using System.Globalization;
using StackExchange.Redis;

namespace SlmPlatform.Gateway.Routing;

/// <summary>
/// Carries the per-day ledger that gateways kept in Redis before tallies were events (<c>slm:routing:{tenant}:{task}:{day}</c>,
/// snake_case fields) over to the routing ledger's outbox, so that an upgraded platform's savings keep their history.
/// Each old day becomes one tally whose id derives from its key: a migration interrupted and run again is counted once.
/// </summary>
public static class LegacyRoutingLedger
{
    private const string Prefix = "slm:routing:";

    private static readonly (string Old, string New)[] Fields =
    [
        ("answered", nameof(RoutingCounts.Answered)), ("answered_ms", nameof(RoutingCounts.AnsweredMilliseconds)),
        ("fell_back", nameof(RoutingCounts.FellBack)), ("shadow_compared", nameof(RoutingCounts.ShadowCompared)),
        ("shadow_agreed", nameof(RoutingCounts.ShadowAgreed)), ("shadow_failed", nameof(RoutingCounts.ShadowFailed)),
        ("abstained", nameof(RoutingCounts.Abstained)), ("abstained_ms", nameof(RoutingCounts.AbstainedMilliseconds)),
        ("shadow_abstained", nameof(RoutingCounts.ShadowAbstained)),
    ];

    /// <summary>Moves every old day into the outbox; returns how many.</summary>
    public static async Task<int> MoveToOutboxAsync(IConnectionMultiplexer redis, RoutingLedger ledger)
    {
        var moved = 0;
        var database = redis.GetDatabase();
        foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
        {
            await foreach (var key in server.KeysAsync(database.Database, $"{Prefix}*"))
            {
                // {tenant}:{task:N}:{yyyyMMdd}; a tenant id may itself hold colons, so read from the right.
                var parts = key.ToString()[Prefix.Length..].Split(':');
                if (parts.Length < 3 || !Guid.TryParseExact(parts[^2], "N", out var taskId)
                    || !DateOnly.TryParseExact(parts[^1], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    continue;
                }

                var old = (await database.HashGetAllAsync(key)).ToDictionary(f => f.Name.ToString(), f => f.Value, StringComparer.Ordinal);
                var counts = Fields.Where(f => old.ContainsKey(f.Old)).Select(f => (f.New, (double)old[f.Old])).ToArray();
                await ledger.AddToOutboxAsync(
                    DeterministicId.Create("legacy-routing-ledger", key.ToString()), string.Join(':', parts[..^2]), taskId, day, counts);
                await database.KeyDeleteAsync(key);
                moved++;
            }
        }

        return moved;
    }
}
