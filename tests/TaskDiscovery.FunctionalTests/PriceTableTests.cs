using SlmPlatform.ApiKeys;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>A tenant's own prices cost its calls (tasks, usage) over the platform's table; removed, the platform's apply again.</summary>
public sealed class PriceTableTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private const string Model = "price-test-model";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATenantsOwnPrice_CostsItsCalls_AndRemovingItFallsBackToThePlatforms()
    {
        var agent = $"prices-{Guid.NewGuid():N}";
        var taskId = await PostAsync(agent, "gpt-4o", calls: 2);
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);
        // 1,000 prompt and 10 completion tokens per call; the platform's gpt-4o is $2.50 and $10.00 per million.
        var platformCost = 2 * (1_000 * 2.50m + 10 * 10.00m) / 1_000_000m;
        Assert.Equal(platformCost, await CostAsync(client, taskId));

        using (var set = await client.PutAsJsonAsync("/api/prices/GPT-4o", new { input_per_million = 1.25m, output_per_million = 5.00m }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            Assert.Equal("gpt-4o", (await set.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("model").GetString());
        }

        try
        {
            Assert.Equal(platformCost / 2, await CostAsync(client, taskId));
            var usage = await client.GetFromJsonAsync<JsonElement>("/api/usage", Token);
            Assert.Equal(platformCost / 2, usage.GetProperty("days").EnumerateArray().Where(d => d.GetProperty("task_id").GetGuid() == taskId).Sum(d => d.GetProperty("cost").GetDecimal()));
            var listed = (await client.GetFromJsonAsync<JsonElement>("/api/prices", Token)).EnumerateArray().ToList();
            Assert.Equal("tenant", Assert.Single(listed, p => p.GetProperty("model").GetString() == "gpt-4o").GetProperty("source").GetString());
            Assert.Equal("platform", Assert.Single(listed, p => p.GetProperty("model").GetString() == "gpt-4o-mini").GetProperty("source").GetString());
        }
        finally
        {
            using var removed = await client.DeleteAsync("/api/prices/gpt-4o", Token);
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        Assert.Equal(platformCost, await CostAsync(client, taskId));
        using var again = await client.DeleteAsync("/api/prices/gpt-4o", Token);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task AModelThePlatformDoesNotPrice_IsCostedOnceTheTenantPricesIt()
    {
        var taskId = await PostAsync($"unpriced-{Guid.NewGuid():N}", Model, calls: 1);
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);
        Assert.Contains(Model, (await TaskAsync(client, taskId)).GetProperty("unpriced_models").EnumerateArray().Select(m => m.GetString()));

        using var set = await client.PutAsJsonAsync($"/api/prices/{Model}", new { input_per_million = 1_000m, output_per_million = 0m }, Token);
        try
        {
            Assert.Equal(1m, await CostAsync(client, taskId));
        }
        finally
        {
            using var removed = await client.DeleteAsync($"/api/prices/{Model}", Token);
        }
    }

    [Fact]
    public async Task BadPrices_Return400NamingEachField_AndAReadKeyCannotSetOne()
    {
        using var admin = fixture.Tasks.CreateClient(fixture.ApiKey);
        using var reader = fixture.Tasks.CreateClient(await TestApiKeys.CreateAsync(fixture.PlatformDb, DiscoveryFixture.TenantId, [ApiScopes.Read], null, Token));
        var before = await admin.GetStringAsync("/api/prices", Token);

        using var bad = await admin.PutAsJsonAsync("/api/prices/gpt-4o", new { input_per_million = -1m, output_per_million = 0.123456m }, Token);
        using var missing = await admin.PutAsJsonAsync("/api/prices/gpt-4o", new { input_per_million = 1m }, Token);
        using var refused = await reader.PutAsJsonAsync("/api/prices/gpt-4o", new { input_per_million = 1m, output_per_million = 1m }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("input_per_million", out _));
        Assert.True(errors.TryGetProperty("output_per_million", out _));
        Assert.True((await missing.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty("output_per_million", out _));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(before, await admin.GetStringAsync("/api/prices", Token));
    }

    private static async Task<JsonElement> TaskAsync(HttpClient client, Guid taskId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token)).GetProperty("task");

    private static async Task<decimal> CostAsync(HttpClient client, Guid taskId) => (await TaskAsync(client, taskId)).GetProperty("cost").GetDecimal();

    private async Task<Guid> PostAsync(string agent, string model, int calls)
    {
        using var ingest = fixture.Ingest.CreateClient(fixture.ApiKey);
        var records = Enumerable.Range(0, calls).Select(_ => JsonSerializer.Serialize(new
        {
            id = $"{agent}-{Guid.NewGuid():N}",
            agent,
            workload = "prices",
            request = new { model, messages = new[] { new { role = "user", content = "Which plan suits me?" } } },
            response = new
            {
                model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = "{\"plan\": \"basic\"}" } } },
                usage = new { prompt_tokens = 1_000, completion_tokens = 10, total_tokens = 1_010 },
            },
        }));
        using var posted = await ingest.PostAsync("/v1/calls/batch", new StringContent(string.Join('\n', records), Encoding.UTF8, "application/x-ndjson"), Token);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var tasks = await fixture.WaitForTasksAsync(t => t.Any(x => x.GetProperty("agent").GetString() == agent && x.GetProperty("calls").GetInt64() == calls), TimeSpan.FromSeconds(30));
        return tasks.Single(t => t.GetProperty("agent").GetString() == agent).GetProperty("id").GetGuid();
    }
}
