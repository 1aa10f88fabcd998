using SlmPlatform.ApiKeys;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>A key does what its scopes allow: read for GET, admin for changes; an agent's capture key neither.</summary>
public sealed class KeyScopeTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AReadKey_ReadsTasks_ButChangesNothing_AndACaptureKeyDoesNeither()
    {
        var read = await TestApiKeys.CreateAsync(fixture.PlatformDb, DiscoveryFixture.TenantId, [ApiScopes.Read], null, Token);
        var capture = await TestApiKeys.CreateAsync(fixture.PlatformDb, DiscoveryFixture.TenantId, [ApiScopes.Capture], null, Token);
        using var reader = fixture.Tasks.CreateClient(read);
        using var agent = fixture.Tasks.CreateClient(capture);
        using var admin = fixture.Tasks.CreateClient(fixture.ApiKey);
        var policyBefore = await admin.GetStringAsync("/api/promotion-policy", Token);

        using var tasks = await reader.GetAsync("/api/tasks", Token);
        using var change = await reader.PutAsJsonAsync("/api/promotion-policy", new { approval = "manual" }, Token);
        using var agentReads = await agent.GetAsync("/api/tasks", Token);

        Assert.Equal(HttpStatusCode.OK, tasks.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Contains("'admin' scope", (await change.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, agentReads.StatusCode);
        Assert.Contains("'read' scope", (await agentReads.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(policyBefore, await admin.GetStringAsync("/api/promotion-policy", Token));
    }
}
