using System.Diagnostics;
using Npgsql;
using SlmPlatform.ApiKeys;
using SlmPlatform.Gateway.Infrastructure;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>With the platform database away, keys seen valid recently still work; others are asked to come back.</summary>
public sealed class KeyStoreOutageTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AKeySeenRecently_StillWorksWhileTheDatabaseIsAway_AndAKeyNotSeenIsA503WithRetryAfter()
    {
        var database = new NpgsqlConnectionStringBuilder(fixture.PlatformDb);
        await using var proxy = TcpProxy.Start(new IPEndPoint(IPAddress.Loopback, database.Port));
        database.Port = proxy.Port;
        database.Pooling = false;
        var settings = new Dictionary<string, string>(fixture.Settings) { ["ConnectionStrings:platformdb"] = database.ConnectionString };
        await using var gateway = new ServiceFactory<UpstreamRelay>(settings);
        using var client = gateway.CreateClient(fixture.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1/chat/completions", Chat(), Token)).StatusCode);

        proxy.Cut();
        await Task.Delay(ApiKeyStore.CacheFor + TimeSpan.FromSeconds(1), Token); // past the fresh answer: the database must be asked again

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1/chat/completions", Chat(), Token)).StatusCode);
        using var stranger = gateway.CreateClient(ApiKey.Generate());
        using var notChecked = await stranger.PostAsync("/v1/chat/completions", Chat(), Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notChecked.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), notChecked.Headers.RetryAfter?.Delta);

        proxy.Restore();
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsync("/v1/chat/completions", Chat(), Token)).StatusCode);
    }

    [Fact]
    public async Task WithADatabaseThatDoesNotAnswer_AKeySeenRecentlyWorksWithinSeconds_AndAKeyNotSeenIsA503()
    {
        // A partition that drops packets: the connection stays open and nothing comes back, so no error arrives either.
        var database = new NpgsqlConnectionStringBuilder(fixture.PlatformDb);
        await using var proxy = TcpProxy.Start(new IPEndPoint(IPAddress.Loopback, database.Port));
        database.Port = proxy.Port;
        var settings = new Dictionary<string, string>(fixture.Settings) { ["ConnectionStrings:platformdb"] = database.ConnectionString };
        await using var gateway = new ServiceFactory<UpstreamRelay>(settings);
        using var client = gateway.CreateClient(fixture.ApiKey);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v1/chat/completions", Chat(), Token)).StatusCode);

        proxy.Hold();
        await Task.Delay(ApiKeyStore.CacheFor + TimeSpan.FromSeconds(1), Token);
        var started = Stopwatch.GetTimestamp();
        using var seen = await client.PostAsync("/v1/chat/completions", Chat(), Token);
        var seenTook = Stopwatch.GetElapsedTime(started);
        using var stranger = gateway.CreateClient(ApiKey.Generate());
        started = Stopwatch.GetTimestamp();
        using var notChecked = await stranger.PostAsync("/v1/chat/completions", Chat(), Token);
        var strangerTook = Stopwatch.GetElapsedTime(started);
        proxy.Flow();

        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, notChecked.StatusCode);
        var bound = ApiKeyStore.WaitForDatabase + TimeSpan.FromSeconds(2);
        Assert.True(seenTook < bound && strangerTook < bound, $"a known key waited {seenTook}, an unknown one {strangerTook}");
    }

    private static StringContent Chat() =>
        new("""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello while the database is away"}]}""", System.Text.Encoding.UTF8, "application/json");
}
