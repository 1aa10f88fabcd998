using System.Net.Http.Json;
using SlmPlatform.ApiKeys;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>
/// The operator's first step: <c>tenant create</c> (the migrator's command) makes a tenant whose printed key is its
/// admin on the running gateway, seeing none of another tenant's keys; <c>tenant disable</c> shuts every key of it out.
/// </summary>
public sealed class TenantCommandLineTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static readonly TimeSpan Refused = ApiKeyStore.CacheFor + TimeSpan.FromSeconds(5);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACreatedTenant_IsAdminOfItsOwnKeysOnly_UntilItIsDisabled()
    {
        var tenant = $"acme-{Guid.NewGuid():N}"[..20];
        var (created, key, createError) = await RunAsync("create", tenant, "--name", "Acme Corp");
        Assert.True(created == 0, createError);
        Assert.StartsWith(ApiKey.Prefix, key, StringComparison.Ordinal);

        using var admin = fixture.Gateway.CreateClient(key);
        using (var issued = await admin.PostAsJsonAsync("/api/keys", new { name = "acme support agent", scopes = new[] { "capture" } }, Token))
        {
            Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        }

        var keys = (await admin.GetFromJsonAsync<JsonElement>("/api/keys", Token)).EnumerateArray().Select(k => k.GetProperty("name").GetString()).ToList();
        Assert.Equal(["acme support agent", TenantRegistry.FirstKeyName], keys.Order().ToList());

        var (again, _, againError) = await RunAsync("create", tenant);
        Assert.Equal(1, again);
        Assert.Contains("exists already", againError, StringComparison.Ordinal);
        var (_, listed, _) = await RunAsync("list");
        Assert.Contains(listed.Split('\n'), line => line.StartsWith($"{tenant}\tAcme Corp\t", StringComparison.Ordinal) && line.Contains("2 live key(s)", StringComparison.Ordinal));

        var (disabled, said, _) = await RunAsync("disable", tenant);
        Assert.Equal(0, disabled);
        Assert.Contains("2 key(s) revoked", said, StringComparison.Ordinal);
        var status = await Eventually.ReadAsync(
            async () =>
            {
                using var response = await admin.GetAsync("/api/keys", Token);
                return response.StatusCode;
            },
            s => s == HttpStatusCode.Unauthorized, Refused, Token, TimeSpan.FromMilliseconds(250));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Theory]
    [InlineData("Acme")]
    [InlineData("a")]
    [InlineData("acme/../other")]
    [InlineData("-acme")]
    public async Task ABadTenantId_IsRefused_NamingTheRule(string tenant)
    {
        var (code, _, error) = await RunAsync("create", tenant);

        Assert.Equal(2, code);
        Assert.Contains("lower-case letters, digits and hyphens", error, StringComparison.Ordinal);
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => TenantCommands.RunAsync(fixture.PlatformDb, args);
}
