using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Gateway.Routing;
using StackExchange.Redis;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>The routing ledger's counts leave the gateway only as confirmed <see cref="RoutingTallied"/> events.</summary>
public sealed class RoutingTallyTests(RoutingFixture fixture) : IClassFixture<RoutingFixture>
{
    [Fact]
    public async Task CountsTheBrokerCannotDeliver_AreKept_AndPublishedWithLaterOnesOnceSomeoneListens()
    {
        var ledger = fixture.Gateway.Services.GetRequiredService<RoutingLedger>();
        var publisher = fixture.Gateway.Services.GetRequiredService<RoutingTallyPublisher>();
        var taskId = Guid.NewGuid();
        await ledger.RecordAnswerAsync(GatewayFixture.TenantId, taskId, 10);
        await ledger.RecordAnswerAsync(GatewayFixture.TenantId, taskId, 20);

        // No queue is bound to the tallies yet (this class's fixture has not asked for them): the broker returns them.
        Assert.False(await publisher.FlushAsync(TestContext.Current.CancellationToken));
        await ledger.RecordFallbackAsync(GatewayFixture.TenantId, taskId);
        await ledger.RecordComparisonAsync(GatewayFixture.TenantId, taskId, agreed: true);

        var counts = await fixture.TalliedAsync(taskId, c => c.Answered + c.FellBack + c.ShadowCompared, 4);

        Assert.Equal(new RoutingCounts(Answered: 2, AnsweredMilliseconds: 30, FellBack: 1, ShadowCompared: 1, ShadowAgreed: 1), counts);
    }

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
