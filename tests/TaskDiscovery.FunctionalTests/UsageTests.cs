using SlmPlatform.Contracts.Http;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>The usage report counts and prices the captured calls per UTC day and task, within the period asked for.</summary>
public sealed class UsageTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Usage_CountsAndPricesEachTasksCallsPerDay_WithinThePeriod()
    {
        var agent = $"usage-{Guid.NewGuid():N}";
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var yesterday = today.AddDays(-1);
        var taskId = await PostAsync(agent, [Started(yesterday), Started(today), Started(today)]);
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        var report = await client.GetFromJsonAsync<JsonElement>("/api/usage", Token);
        var onlyToday = await client.GetFromJsonAsync<JsonElement>($"/api/usage?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}", Token);

        // 1,000 prompt and 10 completion tokens of gpt-4o per call at $2.50 and $10.00 per million.
        var perCall = (1_000 * 2.50m + 10 * 10.00m) / 1_000_000m;
        var days = Days(report, taskId);
        Assert.Equal([(yesterday, 1L, perCall), (today, 2L, 2 * perCall)], days.Select(d => (d.Day, d.Calls, d.Cost)));
        var name = (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token)).GetProperty("task").GetProperty("name").GetString();
        Assert.All(days, d => Assert.Equal(name, d.Name));
        Assert.Equal(2 * 1_000, days[1].PromptTokens);
        Assert.Equal([(today, 2L, 2 * perCall)], Days(onlyToday, taskId).Select(d => (d.Day, d.Calls, d.Cost)));
        Assert.True(report.GetProperty("calls").GetInt64() >= 3);
    }

    [Theory]
    [InlineData("from=last-week", "from")]
    [InlineData("to=2026-02-30", "to")]
    [InlineData("from=2026-03-02&to=2026-03-01", "from")]
    public async Task BadPeriods_Return400NamingTheField(string query, string field)
    {
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        using var response = await client.GetAsync($"/api/usage?{query}", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty(field, out _));
    }

    private static string Started(DateOnly day) => $"{day:yyyy-MM-dd}T12:00:00Z";

    private static List<UsageDay> Days(JsonElement report, Guid taskId) =>
        [.. report.GetProperty("days").Deserialize<List<UsageDay>>(PlatformJson.Options)!.Where(d => d.TaskId == taskId)];

    private async Task<Guid> PostAsync(string agent, string[] startedAt)
    {
        using var ingest = fixture.Ingest.CreateClient(fixture.ApiKey);
        var records = startedAt.Select(started => JsonSerializer.Serialize(new
        {
            id = $"{agent}-{Guid.NewGuid():N}",
            agent,
            workload = "usage",
            started_at = started,
            request = new { model = "gpt-4o", messages = new[] { new { role = "user", content = "Which plan suits me?" } } },
            response = new
            {
                model = "gpt-4o",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = "{\"plan\": \"basic\"}" } } },
                usage = new { prompt_tokens = 1_000, completion_tokens = 10, total_tokens = 1_010 },
            },
        }));
        using var posted = await ingest.PostAsync("/v1/calls/batch", new StringContent(string.Join('\n', records), Encoding.UTF8, "application/x-ndjson"), Token);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var tasks = await fixture.WaitForTasksAsync(t => t.Any(x => x.GetProperty("agent").GetString() == agent && x.GetProperty("calls").GetInt64() == startedAt.Length), TimeSpan.FromSeconds(30));
        return tasks.Single(t => t.GetProperty("agent").GetString() == agent).GetProperty("id").GetGuid();
    }
}
