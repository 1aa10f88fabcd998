namespace SlmPlatform.TaskDiscovery.FunctionalTests;

public sealed class TaskDiscoveryTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private const string RouterPrompt = "You route a bank's support messages. Answer {\"intent\": \"<label>\"}.";
    private static readonly string[] Intents = ["card_arrival", "exchange_rate", "lost_or_stolen_card"];
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UntaggedAndTaggedCalls_AreGroupedIntoCallSitesWithStatistics()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var records = new List<string>();
        records.AddRange(Enumerable.Range(0, 30).Select(i => Router($"r-{run}-{i}", $"router-{run}", $"customer message {i}", Intents[i % 3], latency: 100 + i)));
        records.AddRange(Enumerable.Range(0, 10).Select(i => ToolCall($"t-{run}-{i}", $"router-{run}", $"find parcel {i}")));
        records.AddRange(Enumerable.Range(0, 5).Select(i => Tagged($"s-{run}-{i}", $"router-{run}", "write-sql", $"list orders {i}")));
        using var ingest = fixture.Ingest.CreateClient(fixture.ApiKey);

        using var posted = await ingest.PostAsync("/v1/calls/batch", new StringContent(string.Join('\n', records), Encoding.UTF8, "application/x-ndjson"), Token);
        using var again = await ingest.PostAsync("/v1/calls/batch", new StringContent(string.Join('\n', records.Take(5)), Encoding.UTF8, "application/x-ndjson"), Token);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var tasks = (await fixture.WaitForTasksAsync(t => Mine(t, run).Sum(c => c.GetProperty("calls").GetInt64()) >= 45, TimeSpan.FromSeconds(30)))
            .Where(t => t.GetProperty("agent").GetString() == $"router-{run}").ToList();
        Assert.Equal(3, tasks.Count);

        var router = tasks.Single(t => t.GetProperty("output_kind").GetString() == OutputKinds.Json);
        Assert.Equal(30, router.GetProperty("calls").GetInt64());
        Assert.Equal(3, router.GetProperty("distinct_labels").GetInt32());
        Assert.Equal(2_000 * 30, router.GetProperty("prompt_tokens").GetInt64());
        Assert.Equal(114.5, router.GetProperty("latency_p50_ms").GetDouble(), 3);
        Assert.True(router.GetProperty("unpriced_models").GetArrayLength() == 0, router.GetRawText());
        Assert.Equal((2_000 * 30 * 2.50m + 8 * 30 * 10.00m) / 1_000_000m, router.GetProperty("cost").GetDecimal());
        Assert.True(router.GetProperty("suitability").GetDouble() > 0);

        var tools = tasks.Single(t => t.GetProperty("output_kind").GetString() == OutputKinds.ToolCall);
        Assert.Equal(10, tools.GetProperty("calls").GetInt64());
        var sql = tasks.Single(t => t.GetProperty("workload").ValueKind == JsonValueKind.String);
        Assert.Equal($"router-{run}/write-sql", sql.GetProperty("name").GetString());
        Assert.Equal(5, sql.GetProperty("calls").GetInt64());

        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{router.GetProperty("id").GetString()}", Token);
        Assert.Equal(
            Intents.Select(i => $"intent={i}").Order(StringComparer.Ordinal),
            detail.GetProperty("labels").EnumerateArray().Select(l => l.GetProperty("label").GetString()).Order(StringComparer.Ordinal));
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{tools.GetProperty("id").GetString()}/calls?limit=4", Token);
        Assert.Equal(4, page.GetProperty("items").GetArrayLength());
        Assert.Equal("find_parcel", page.GetProperty("items")[0].GetProperty("output_label").GetString());

        var announced = await fixture.Discovered.WaitForAsync($"router-{run}", 3, TimeSpan.FromSeconds(10), Token);
        Assert.Equal(3, announced.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task UnknownTask_Returns404AndBadPagingReturns400()
    {
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        using var missing = await client.GetAsync($"/api/tasks/{Guid.NewGuid()}", Token);
        using var badLimit = await client.GetAsync($"/api/tasks/{Guid.NewGuid()}/calls?limit=0", Token);

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    private static IEnumerable<JsonElement> Mine(List<JsonElement> tasks, string run) =>
        tasks.Where(t => t.GetProperty("agent").GetString() == $"router-{run}");

    private static string Router(string id, string agent, string text, string intent, int latency) => JsonSerializer.Serialize(new
    {
        id,
        agent,
        latency_ms = latency,
        request = new { model = "gpt-4o", messages = new[] { new { role = "system", content = RouterPrompt }, new { role = "user", content = text } }, response_format = new { type = "json_object" } },
        response = new
        {
            model = "gpt-4o",
            choices = new[] { new { index = 0, message = new { role = "assistant", content = JsonSerializer.Serialize(new { intent }) }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 2_000, completion_tokens = 8, total_tokens = 2_008 },
        },
    });

    private static string ToolCall(string id, string agent, string text) => JsonSerializer.Serialize(new
    {
        id,
        agent,
        request = new
        {
            model = "gpt-4o-mini",
            messages = new[] { new { role = "user", content = text } },
            tools = new[] { new { type = "function", function = new { name = "find_parcel", parameters = new { type = "object" } } } },
        },
        response = new
        {
            choices = new[] { new { index = 0, message = new { role = "assistant", content = (string?)null, tool_calls = new[] { new { id = "c1", type = "function", function = new { name = "find_parcel", arguments = "{}" } } } }, finish_reason = "tool_calls" } },
        },
    });

    private static string Tagged(string id, string agent, string workload, string text) => JsonSerializer.Serialize(new
    {
        id,
        agent,
        workload,
        request = new { model = "gpt-4o", messages = new[] { new { role = "user", content = text } } },
        response = new { choices = new[] { new { index = 0, message = new { role = "assistant", content = "select * from orders" }, finish_reason = "stop" } } },
    });
}
