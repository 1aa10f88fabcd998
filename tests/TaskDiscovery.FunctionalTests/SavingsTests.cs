using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Evaluation;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

public sealed class SavingsTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Savings_PriceTheCallsSpecialistsAnswered_WithTheTasksOwnTeacherFigures()
    {
        var agent = $"savings-{Guid.NewGuid():N}";
        var taskId = await PostAsync(agent, latencies: [100, 200, 300, 400]);
        await fixture.TallyAsync(taskId, new RoutingCounts(Answered: 2, AnsweredMilliseconds: 100));
        await fixture.TallyAsync(taskId, new RoutingCounts(Answered: 1, AnsweredMilliseconds: 50, FellBack: 1));
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        var report = await client.GetFromJsonAsync<JsonElement>("/api/savings", Token);

        var task = report.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("task_id").GetGuid() == taskId);
        // 1,000 prompt and 10 completion tokens of gpt-4o per call at $2.50 and $10.00 per million.
        var perCall = (1_000 * 2.50m + 10 * 10.00m) / 1_000_000m;
        Assert.Equal(3, task.GetProperty("specialist_calls").GetInt64());
        Assert.Equal(1, task.GetProperty("fallbacks").GetInt64());
        Assert.Equal(0.25, task.GetProperty("fallback_rate").GetDouble(), 6);
        Assert.Equal(perCall, task.GetProperty("teacher_cost_per_call").GetDecimal());
        Assert.Equal(3 * perCall, task.GetProperty("cost_avoided").GetDecimal());
        Assert.Equal(3 * (250 - 50), task.GetProperty("latency_saved_ms").GetDouble(), 6);
        Assert.Single(task.GetProperty("days").EnumerateArray());
        Assert.True(report.GetProperty("cost_avoided").GetDecimal() >= 3 * perCall);
    }

    [Fact]
    public async Task Savings_ReportAgreementWithTheTeacher_WithItsWilsonInterval()
    {
        var agent = $"agreement-{Guid.NewGuid():N}";
        var taskId = await PostAsync(agent, latencies: [100, 200]);
        await fixture.TallyAsync(taskId, new RoutingCounts(ShadowCompared: 4, ShadowAgreed: 3, ShadowFailed: 1));
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        var report = await client.GetFromJsonAsync<JsonElement>("/api/savings", Token);

        var task = report.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("task_id").GetGuid() == taskId);
        var expected = new Proportion(3, 4);
        Assert.Equal((4, 3, 1), (task.GetProperty("shadow_compared").GetInt64(), task.GetProperty("shadow_agreed").GetInt64(), task.GetProperty("shadow_failed").GetInt64()));
        var agreement = task.GetProperty("shadow_agreement");
        Assert.Equal(0.75, agreement.GetProperty("value").GetDouble(), 9);
        Assert.Equal(expected.Low, agreement.GetProperty("low").GetDouble(), 9);
        Assert.Equal(expected.High, agreement.GetProperty("high").GetDouble(), 9);
        Assert.Equal(4, agreement.GetProperty("n").GetInt64());
        Assert.Equal(0, task.GetProperty("specialist_calls").GetInt64());
        Assert.Equal(4, task.GetProperty("days")[0].GetProperty("shadow_compared").GetInt64());
    }

    [Fact]
    public async Task Savings_WithoutComparisons_HaveNoAgreement()
    {
        var taskId = await PostAsync($"no-agreement-{Guid.NewGuid():N}", latencies: [100]);
        await fixture.TallyAsync(taskId, new RoutingCounts(Answered: 1, AnsweredMilliseconds: 20));
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        var report = await client.GetFromJsonAsync<JsonElement>("/api/savings", Token);

        var task = report.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("task_id").GetGuid() == taskId);
        Assert.Equal(0, task.GetProperty("shadow_compared").GetInt64());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("shadow_agreement").ValueKind);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-13-01", "to")]
    [InlineData("from=2026-02-01&to=2026-01-01", "from")]
    [InlineData("from=2020-01-01&to=2026-01-01", "from")]
    public async Task BadPeriods_Return400NamingTheField(string query, string field)
    {
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        using var response = await client.GetAsync($"/api/savings?{query}", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty(field, out _));
    }

    private async Task<Guid> PostAsync(string agent, int[] latencies)
    {
        using var ingest = fixture.Ingest.CreateClient(fixture.ApiKey);
        var records = latencies.Select(latency => JsonSerializer.Serialize(new
        {
            id = $"{agent}-{Guid.NewGuid():N}",
            agent,
            workload = "route-intent",
            latency_ms = latency,
            request = new { model = "gpt-4o", messages = new[] { new { role = "user", content = "Where is my card?" } } },
            response = new
            {
                model = "gpt-4o",
                choices = new[] { new { index = 0, message = new { role = "assistant", content = "{\"intent\": \"card_arrival\"}" } } },
                usage = new { prompt_tokens = 1_000, completion_tokens = 10, total_tokens = 1_010 },
            },
        }));
        using var posted = await ingest.PostAsync("/v1/calls/batch", new StringContent(string.Join('\n', records), Encoding.UTF8, "application/x-ndjson"), Token);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var tasks = await fixture.WaitForTasksAsync(t => t.Any(x => x.GetProperty("agent").GetString() == agent && x.GetProperty("calls").GetInt64() == latencies.Length), TimeSpan.FromSeconds(30));
        return tasks.Single(t => t.GetProperty("agent").GetString() == agent).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task ATallyDeliveredTwice_IsCountedOnce()
    {
        var days = fixture.Tasks.Services.GetRequiredService<RoutingDayStore>();
        var taskId = Guid.NewGuid();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var tally = new RoutingTallied(Guid.NewGuid(), DiscoveryFixture.TenantId, taskId, today, new RoutingCounts(Answered: 2, AnsweredMilliseconds: 30, ShadowCompared: 1, ShadowAgreed: 1));

        Assert.True(await days.AddAsync(tally, Token));
        Assert.False(await days.AddAsync(tally, Token));
        Assert.True(await days.AddAsync(tally with { EventId = Guid.NewGuid() }, Token));

        var day = Assert.Single(await days.ReadAsync(DiscoveryFixture.TenantId, taskId, today, today, Token));
        Assert.Equal((4L, 60.0, 2L, 2L), (day.Answered, day.AnsweredMilliseconds, day.ShadowCompared, day.ShadowAgreed));
    }
}
