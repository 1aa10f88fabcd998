using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Gateway.Routing;

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

        // No queue is bound to the tallies yet (this class's fixture has not asked for them, and this is its only
        // test): the broker returns them.
        Assert.False(await publisher.FlushAsync(TestContext.Current.CancellationToken));
        await ledger.RecordFallbackAsync(GatewayFixture.TenantId, taskId);
        await ledger.RecordComparisonAsync(GatewayFixture.TenantId, taskId, agreed: true);

        var counts = await fixture.TalliedAsync(taskId, c => c.Answered + c.FellBack + c.ShadowCompared, 4);

        Assert.Equal(new RoutingCounts(Answered: 2, AnsweredMilliseconds: 30, FellBack: 1, ShadowCompared: 1, ShadowAgreed: 1), counts);
    }
}
