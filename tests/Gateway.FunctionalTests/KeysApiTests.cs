using System.Net.Http.Json;
using SlmPlatform.ApiKeys;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>A tenant's admins issue, list, rotate and revoke its keys; each key does what its scopes allow and no more.</summary>
public sealed class KeysApiTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    // A revoked or rotated-out key is refused once every service's cache has let it go (ApiKeyStore.CacheFor).
    private static readonly TimeSpan Refused = ApiKeyStore.CacheFor + TimeSpan.FromSeconds(5);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnIssuedCaptureKey_SendsCalls_ButCannotManageKeys_AndIsListedWithoutItsSecret()
    {
        using var admin = fixture.Gateway.CreateClient(fixture.ApiKey);

        var issued = await IssueAsync(admin, new { name = "support-agent", scopes = new[] { "capture" } });

        var key = issued.GetProperty("key").GetString()!;
        var keyId = issued.GetProperty("info").GetProperty("key_id").GetGuid();
        Assert.StartsWith(ApiKey.Prefix, key, StringComparison.Ordinal);
        using var agent = fixture.Gateway.CreateClient(key);
        using (var call = await agent.PostAsync("/v1/chat/completions", Chat(), Token))
        {
            Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        }

        using var forbidden = await agent.GetAsync("/api/keys", Token);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Contains("'admin' scope", (await forbidden.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/keys", Token)).EnumerateArray().Single(k => k.GetProperty("key_id").GetGuid() == keyId);
        Assert.Equal(["capture"], listed.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(key[..10], listed.GetProperty("key_prefix").GetString());
        Assert.DoesNotContain(key, listed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueKey_WithBadFields_Returns400NamingEach_AndIssuesNothing()
    {
        using var admin = fixture.Gateway.CreateClient(fixture.ApiKey);
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/keys", Token)).GetArrayLength();

        using var response = await admin.PostAsJsonAsync("/api/keys", new { name = " ", scopes = new[] { "capture", "root" }, expires_at = DateTimeOffset.UtcNow.AddDays(-1) }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("scopes", out _));
        Assert.True(errors.TryGetProperty("expires_at", out _));
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/api/keys", Token)).GetArrayLength());
    }

    [Fact]
    public async Task ARevokedKey_IsRefusedWithinSeconds_AndAnotherTenantCannotRevokeOrSeeIt()
    {
        using var admin = fixture.Gateway.CreateClient(fixture.ApiKey);
        var issued = await IssueAsync(admin, new { name = "to revoke", scopes = new[] { "capture" } });
        var keyId = issued.GetProperty("info").GetProperty("key_id").GetGuid();
        using var agent = fixture.Gateway.CreateClient(issued.GetProperty("key").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/v1/chat/completions", Chat(), Token)).StatusCode);

        var otherKey = await TestApiKeys.CreateAsync(fixture.PlatformDb, "tenant-other", Token);
        using var other = fixture.Gateway.CreateClient(otherKey);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/keys/{keyId}", Token)).StatusCode);
        Assert.DoesNotContain((await other.GetFromJsonAsync<JsonElement>("/api/keys", Token)).EnumerateArray(), k => k.GetProperty("key_id").GetGuid() == keyId);
        Assert.Equal(HttpStatusCode.OK, (await agent.PostAsync("/v1/chat/completions", Chat(), Token)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/keys/{keyId}", Token)).StatusCode);

        var status = await Eventually.ReadAsync(
            async () => (await agent.PostAsync("/v1/chat/completions", Chat(), Token)).StatusCode,
            s => s == HttpStatusCode.Unauthorized, Refused, Token, TimeSpan.FromMilliseconds(250));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/keys", Token)).EnumerateArray().Single(k => k.GetProperty("key_id").GetGuid() == keyId);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("revoked_at").ValueKind);
    }

    [Fact]
    public async Task ARotatedKey_WorksBesideItsSuccessorForTheOverlap_ThenOnlyTheSuccessorDoes()
    {
        using var admin = fixture.Gateway.CreateClient(fixture.ApiKey);
        var issued = await IssueAsync(admin, new { name = "rotating", scopes = new[] { "capture", "read" } });
        var keyId = issued.GetProperty("info").GetProperty("key_id").GetGuid();

        using var rotation = await admin.PostAsJsonAsync($"/api/keys/{keyId}/rotate", new { overlap_seconds = 0 }, Token);

        Assert.Equal(HttpStatusCode.Created, rotation.StatusCode);
        var successor = await rotation.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal(["capture", "read"], successor.GetProperty("info").GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("rotating", successor.GetProperty("info").GetProperty("name").GetString());
        using var next = fixture.Gateway.CreateClient(successor.GetProperty("key").GetString()!);
        using var old = fixture.Gateway.CreateClient(issued.GetProperty("key").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await next.PostAsync("/v1/chat/completions", Chat(), Token)).StatusCode);
        var status = await Eventually.ReadAsync(
            async () => (await old.PostAsync("/v1/chat/completions", Chat(), Token)).StatusCode,
            s => s == HttpStatusCode.Unauthorized, Refused, Token, TimeSpan.FromMilliseconds(250));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/keys/{keyId}/rotate", new { overlap_seconds = 60 }, Token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync($"/api/keys/{Guid.NewGuid()}/rotate", new { overlap_seconds = -1 }, Token)).StatusCode);
    }

    [Fact]
    public async Task AnExpiredKey_IsRefused_SayingSo()
    {
        var expired = await TestApiKeys.CreateAsync(fixture.PlatformDb, GatewayFixture.TenantId, ApiScopes.All, DateTimeOffset.UtcNow.AddSeconds(-1), Token);
        using var client = fixture.Gateway.CreateClient(expired);

        using var response = await client.PostAsync("/v1/chat/completions", Chat(), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("expired", (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> IssueAsync(HttpClient admin, object request)
    {
        using var response = await admin.PostAsJsonAsync("/api/keys", request, Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    private static StringContent Chat() =>
        new("""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hello keys"}]}""", System.Text.Encoding.UTF8, "application/json");
}
