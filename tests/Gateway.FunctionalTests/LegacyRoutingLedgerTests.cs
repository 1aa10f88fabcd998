using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Gateway.Routing;
using StackExchange.Redis;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>An upgraded gateway carries the days of the ledger gateways kept in Redis before tallies were events.</summary>
public sealed class LegacyRoutingLedgerTests(RoutingFixture fixture) : IClassFixture<RoutingFixture>
{
    [Fact]
    public async Task TheEarlierLedgersDays_AreCarriedOverAsTallies_Once()
    {
        var redis = fixture.Gateway.Services.GetRequiredService<IConnectionMultiplexer>();
        var ledger = fixture.Gateway.Services.GetRequiredService<RoutingLedger>();
        var taskId = Guid.NewGuid();
        var oldKey = $"slm:routing:{GatewayFixture.TenantId}:{taskId:N}:20261130";
        await redis.GetDatabase().HashSetAsync(oldKey, [new HashEntry("answered", 3), new HashEntry("answered_ms", 45.5), new HashEntry("shadow_compared", 2), new HashEntry("shadow_agreed", 1)]);

        // The gateway's own publisher moves the old days on its first round too; whichever comes first, they move once.
        await LegacyRoutingLedger.MoveToOutboxAsync(redis, ledger);

        Assert.False(await redis.GetDatabase().KeyExistsAsync(oldKey));
        var counts = await fixture.TalliedAsync(taskId, c => c.Answered, 3);
        Assert.Equal(new RoutingCounts(Answered: 3, AnsweredMilliseconds: 45.5, ShadowCompared: 2, ShadowAgreed: 1), counts);
    }
}
