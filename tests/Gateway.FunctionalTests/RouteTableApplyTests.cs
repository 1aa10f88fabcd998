using SlmPlatform.Gateway.Routing;
using StackExchange.Redis;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>How the gateway's routing table takes task discovery's changes, against the test run's Redis.</summary>
public sealed class RouteTableApplyTests : IAsyncLifetime
{
    private static readonly OutputCheck Check = new(OutputCheck.TextKind);
    private readonly string _tenant = $"route-apply-{Guid.NewGuid():N}";
    private readonly Guid _task = Guid.NewGuid();
    private ConnectionMultiplexer _redis = null!;
    private RouteTable _table = null!;

    public async ValueTask InitializeAsync()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(TestServers.Redis);
        _table = new RouteTable(_redis, TimeSpan.Zero);
    }

    [Fact]
    public async Task ANewerChange_ReplacesTheKeys_AndAnOlderOneArrivingLate_ChangesNothing()
    {
        var modelA = Guid.NewGuid();
        Assert.True(await _table.ApplyAsync(Change(3, ["k1", "k2"], modelA)));
        Assert.True(await _table.ApplyAsync(Change(5, ["k2", "k3"], modelA)));

        Assert.False(await _table.ApplyAsync(Change(4, ["k1"], Guid.NewGuid())));

        Assert.Null(await FindAsync("k1"));
        Assert.Equal(modelA, (await FindAsync("k2"))?.ModelId);
        Assert.Equal(modelA, (await FindAsync("k3"))?.ModelId);
    }

    [Fact]
    public async Task TheSameVersionAgain_OnlyAddsKeys_SoAReorderedNewKeyIsNotLost()
    {
        var model = Guid.NewGuid();
        Assert.True(await _table.ApplyAsync(Change(7, ["k1", "k2"], model)));

        // The promotion's own change (fewer keys) delivered again after the new-key change.
        Assert.True(await _table.ApplyAsync(Change(7, ["k1"], model)));

        Assert.NotNull(await FindAsync("k1"));
        Assert.NotNull(await FindAsync("k2"));
    }

    [Fact]
    public async Task ADemotion_RemovesEveryKeyTheTaskHeld_AndAnOlderPromotionCannotBringItBack()
    {
        var model = Guid.NewGuid();
        await _table.ApplyAsync(Change(1, ["k1"], model));
        await _table.ApplyAsync(Change(1, ["k1", "k2"], model));

        Assert.True(await _table.ApplyAsync(Change(2, ["k1"], model: null)));
        Assert.False(await _table.ApplyAsync(Change(1, ["k1", "k2"], model)));

        Assert.Null(await FindAsync("k1"));
        Assert.Null(await FindAsync("k2"));
    }

    [Fact]
    public async Task ReadersHearOfAChange_AtOnce()
    {
        using var reader = new RouteTable(_redis, TimeSpan.FromHours(1));
        Assert.Null(await reader.FindAsync(_tenant, ["k1"]));

        await _table.ApplyAsync(Change(1, ["k1"], Guid.NewGuid()));

        SpecialistRoute? seen = null;
        for (var attempt = 0; attempt < 100 && (seen = await reader.FindAsync(_tenant, ["k1"])) is null; attempt++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.NotNull(seen);
    }

    public async ValueTask DisposeAsync()
    {
        await _redis.GetDatabase().KeyDeleteAsync([$"slm:routes:{_tenant}", $"slm:routes:{_tenant}:tasks"]);
        _table.Dispose();
        await _redis.DisposeAsync();
    }

    private ValueTask<SpecialistRoute?> FindAsync(string key) => _table.FindAsync(_tenant, [key]);

    private SpecialistRouteChanged Change(int version, string[] keys, Guid? model) =>
        new(Guid.NewGuid(), _tenant, _task, version, keys,
            model is { } m ? new SpecialistRoute(_task, m, RouteModes.Full, Check, version) : null, DateTimeOffset.UtcNow);
}
