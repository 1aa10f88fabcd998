namespace SlmPlatform.Scrubber.FunctionalTests;

public sealed class CallLookupTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(15);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lookup_ReturnsTheTenantsCallsInTheOrderAsked_AndLeavesOutOthers()
    {
        var agent = $"agent-lookup-{Guid.NewGuid():N}";
        var ids = Enumerable.Range(0, 3).Select(i => $"{agent}-{i}").ToList();
        await PostAndWaitAsync(fixture.KeyA, ids);
        var foreign = $"{agent}-foreign";
        await PostAndWaitAsync(fixture.KeyB, [foreign]);
        using var calls = fixture.Calls.CreateClient(fixture.KeyA);

        using var response = await calls.PostAsJsonAsync("/api/calls/lookup", new { ids = new[] { ids[2], foreign, ids[0], "missing", ids[2] } }, Token);

        response.EnsureSuccessStatusCode();
        var items = (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("items");
        Assert.Equal([ids[2], ids[0]], items.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal("Hello", items[0].GetProperty("request").GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public async Task ServiceKey_ActsForTheTenantItNames()
    {
        var id = $"service-{Guid.NewGuid():N}";
        await PostAndWaitAsync(fixture.KeyA, [id]);
        using var calls = fixture.Calls.CreateClient(PipelineFixture.ServiceKey);
        calls.DefaultRequestHeaders.Add("X-Slm-Tenant", PipelineFixture.TenantA);

        using var asTenantA = await calls.GetAsync($"/api/calls/{id}", Token);
        calls.DefaultRequestHeaders.Remove("X-Slm-Tenant");
        calls.DefaultRequestHeaders.Add("X-Slm-Tenant", PipelineFixture.TenantB);
        using var asTenantB = await calls.GetAsync($"/api/calls/{id}", Token);

        Assert.Equal(HttpStatusCode.OK, asTenantA.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, asTenantB.StatusCode);
    }

    [Fact]
    public async Task ATrustedServicesKey_ReadsButNeverAdministers()
    {
        using var calls = fixture.Calls.CreateClient(PipelineFixture.ServiceKey);
        calls.DefaultRequestHeaders.Add("X-Slm-Tenant", PipelineFixture.TenantA);

        using var read = await calls.GetAsync("/api/calls", Token);
        using var erase = await calls.PostAsJsonAsync("/api/erasures", new { whole_tenant = true }, Token);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, erase.StatusCode);
    }

    [Fact]
    public async Task AServicesKeyThatThisServiceDoesNotTrust_IsRefused()
    {
        // The gateway's key, say: the calls service trusts only training's.
        using var calls = fixture.Calls.CreateClient("gateway-service-key-not-trusted-by-calls");
        calls.DefaultRequestHeaders.Add("X-Slm-Tenant", PipelineFixture.TenantA);

        using var response = await calls.GetAsync("/api/calls", Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ServiceKey_WithoutATenant_IsRefused()
    {
        using var calls = fixture.Calls.CreateClient(PipelineFixture.ServiceKey);

        using var response = await calls.GetAsync("/api/calls", Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Contains("X-Slm-Tenant", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"ids": []}""")]
    [InlineData("""{"ids": [""]}""")]
    public async Task Lookup_WithoutUsableIds_Returns400NamingIds(string body)
    {
        using var calls = fixture.Calls.CreateClient(fixture.KeyA);

        using var response = await calls.PostAsync("/api/calls/lookup", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty("ids", out _));
    }

    [Fact]
    public async Task Lookup_OfMoreThanTheLimit_Returns400()
    {
        using var calls = fixture.Calls.CreateClient(fixture.KeyA);
        var ids = Enumerable.Range(0, 501).Select(i => $"id-{i}").ToArray();

        using var response = await calls.PostAsJsonAsync("/api/calls/lookup", new { ids }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task PostAndWaitAsync(string apiKey, IReadOnlyList<string> ids)
    {
        using var ingest = fixture.Ingest.CreateClient(apiKey);
        foreach (var id in ids)
        {
            var body = $$$"""
                {"id": "{{{id}}}", "agent": "lookup-agent", "request": {"messages": [{"role": "user", "content": "Hello"}]},
                 "response": {"choices": [{"message": {"role": "assistant", "content": "greeting"}}]}}
                """;
            using var posted = await ingest.PostAsync("/v1/calls", new StringContent(body, Encoding.UTF8, "application/json"), Token);
            Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
            Assert.NotNull(await fixture.WaitForCallAsync(apiKey, id, StoreTimeout));
        }
    }
}
