using System.Net.Http.Json;
using SlmPlatform.ApiKeys;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>
/// A tenant's daily quota of calls, set by the operator's <c>tenant quota</c> command: calls within it are relayed,
/// the one past it gets OpenAI's answer to a spent quota (429, <c>insufficient_quota</c>, Retry-After until the UTC
/// day ends) and reaches no upstream; another tenant is not held to it; setting it back lifts it within seconds.
/// Counted in Redis (the routing fixture has it), so every replica shares the count.
/// </summary>
public sealed class DailyQuotaTests(RoutingFixture fixture) : IClassFixture<RoutingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CallsPastTheTenantsDailyQuota_Get429InsufficientQuota_UntilTheOperatorLiftsIt()
    {
        var tenant = $"quota-{Guid.NewGuid():N}"[..20];
        var (created, key, createError) = await RunAsync("create", tenant);
        Assert.True(created == 0, createError);
        var (set, said, setError) = await RunAsync("quota", tenant, "2");
        Assert.True(set == 0, setError);
        Assert.Contains("2 calls a day", said, StringComparison.Ordinal);
        using var limited = fixture.Gateway.CreateClient(key);
        using var other = fixture.Gateway.CreateClient(fixture.ApiKey);

        for (var i = 0; i < 2; i++)
        {
            using var within = await limited.PostAsJsonAsync("/v1/chat/completions", Chat($"within the quota {i}"), Token);
            Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        }

        var upstreamCalls = fixture.Upstream.Received.Count;
        using (var past = await limited.PostAsJsonAsync("/v1/chat/completions", Chat("past the quota"), Token))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, past.StatusCode);
            var error = (await past.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("error");
            Assert.Equal("insufficient_quota", error.GetProperty("type").GetString());
            Assert.Contains("2 calls a day", error.GetProperty("message").GetString(), StringComparison.Ordinal);
            var retryAfter = past.Headers.RetryAfter?.Delta;
            Assert.NotNull(retryAfter);
            Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        }

        Assert.Equal(upstreamCalls, fixture.Upstream.Received.Count);
        using (var otherTenant = await other.PostAsJsonAsync("/v1/chat/completions", Chat("another tenant"), Token))
        {
            Assert.Equal(HttpStatusCode.OK, otherTenant.StatusCode);
        }

        Assert.Equal(0, (await RunAsync("quota", tenant, "0")).Code);
        var lifted = await Eventually.ReadAsync(
            async () =>
            {
                using var response = await limited.PostAsJsonAsync("/v1/chat/completions", Chat("after the quota was lifted"), Token);
                return response.StatusCode;
            },
            status => status == HttpStatusCode.OK, ApiKeyStore.CacheFor + TimeSpan.FromSeconds(5), Token, TimeSpan.FromMilliseconds(250));
        Assert.Equal(HttpStatusCode.OK, lifted);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("lots")]
    public async Task AQuotaThatIsNotACount_IsRefused_NamingTheArgument(string value)
    {
        var (code, _, error) = await RunAsync("quota", "any-tenant", value);
        Assert.Equal(2, code);
        Assert.Contains("calls-per-day", error, StringComparison.Ordinal);
    }

    private static object Chat(string text) => new { model = "gpt-4o-mini", messages = new[] { new { role = "user", content = text } } };

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => TenantCommands.RunAsync(fixture.PlatformDb, args);
}
