using SlmPlatform.ApiKeys;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>A tenant's admins see where its calls are relayed and which setting chose it; never the upstream's key.</summary>
public sealed class UpstreamApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheUpstream_IsShownToAdmins_WithoutItsKey_AndNotToAnAgentsKey()
    {
        using var admin = fixture.Gateway.CreateClient(fixture.ApiKey);
        using var agent = fixture.Gateway.CreateClient(await TestApiKeys.CreateAsync(fixture.PlatformDb, GatewayFixture.TenantId, [ApiScopes.Capture], null, Token));

        using var shown = await admin.GetAsync("/api/upstream", Token);
        using var refused = await agent.GetAsync("/api/upstream", Token);

        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var body = await shown.Content.ReadAsStringAsync(Token);
        var upstream = JsonDocument.Parse(body).RootElement;
        Assert.Equal(fixture.Upstream.BaseUrl.ToString(), upstream.GetProperty("base_url").GetString());
        Assert.True(upstream.GetProperty("key_configured").GetBoolean());
        Assert.False(upstream.GetProperty("tenants_own").GetBoolean());
        Assert.Contains("Gateway:Upstream:BaseUrl", upstream.GetProperty("setting").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ScriptedUpstream.ApiKey, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
