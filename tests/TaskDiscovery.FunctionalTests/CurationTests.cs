namespace SlmPlatform.TaskDiscovery.FunctionalTests;

public sealed class CurationTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(30);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Patch_RenamesIgnoresAndRestores_AnnouncingEachChange()
    {
        var (_, taskId) = await PostTaggedAsync("renames", 1);
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        using var renamed = await client.PatchAsJsonAsync($"/api/tasks/{taskId}", new { name = "  Refund router " }, Token);
        using var ignored = await client.PatchAsJsonAsync($"/api/tasks/{taskId}", new { ignored = true }, Token);
        var whileIgnored = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token);
        using var restored = await client.PatchAsJsonAsync($"/api/tasks/{taskId}", new { ignored = false }, Token);

        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Refund router", whileIgnored.GetProperty("task").GetProperty("name").GetString());
        Assert.Equal("ignored", whileIgnored.GetProperty("task").GetProperty("status").GetString());
        Assert.False((await restored.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("ignored").GetBoolean());
        var changes = await fixture.Changed.WaitForAsync(taskId, 3, TimeSpan.FromSeconds(10), Token);
        Assert.Equal(3, changes.Select(m => m.MessageId).Distinct().Count());
        Assert.Contains(changes, m => m.Envelope.Contains("\"renamed\"", StringComparison.Ordinal));
        Assert.Contains(changes, m => m.Envelope.Contains("\"ignored\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{}""", "name")]
    [InlineData("""{"name": "   "}""", "name")]
    public async Task Patch_WithoutAUsableChange_Returns400NamingTheField_AndChangesNothing(string body, string field)
    {
        var (_, taskId) = await PostTaggedAsync("bad-patch", 1);
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);
        var before = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token);

        using var response = await client.PatchAsync($"/api/tasks/{taskId}", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty(field, out _));
        var after = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token);
        Assert.Equal(before.GetProperty("task").GetProperty("version").GetInt32(), after.GetProperty("task").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Merge_MovesCallsAndFutureCallsIntoTheTarget()
    {
        var (agent, sourceId) = await PostTaggedAsync("merge-source", 3);
        var (_, targetId) = await PostTaggedAsync("merge-target", 2, agent);
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        using var merged = await client.PostAsJsonAsync($"/api/tasks/{targetId}/merge", new { task_ids = new[] { sourceId } }, Token);
        using var source = await client.GetAsync($"/api/tasks/{sourceId}", Token);
        await PostTaggedAsync("merge-source", 1, agent, waitForTask: false);

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, source.StatusCode);
        var tasks = await fixture.WaitForTasksAsync(t => Calls(t, targetId) == 6, Arrival);
        Assert.Equal(6, Calls(tasks, targetId));
        Assert.DoesNotContain(tasks, t => t.GetProperty("id").GetString() == sourceId);
        var target = await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{targetId}", Token);
        Assert.Equal(
            new[] { $"w:{agent}\u001fmerge-source", $"w:{agent}\u001fmerge-target" },
            target.GetProperty("route_keys").EnumerateArray().Select(k => k.GetString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Merge_IntoItselfOrUnknown_IsRefused()
    {
        var (_, taskId) = await PostTaggedAsync("merge-bad", 1);
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        using var itself = await client.PostAsJsonAsync($"/api/tasks/{taskId}/merge", new { task_ids = new[] { taskId } }, Token);
        using var unknown = await client.PostAsJsonAsync($"/api/tasks/{taskId}/merge", new { task_ids = new[] { Guid.NewGuid() } }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, itself.StatusCode);
        Assert.True((await itself.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty("task_ids", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Split_MovesATopicIntoANewTask_WhereItsNewCallsLand()
    {
        var (run, agent, taskId) = await fixture.ReplayRouterAsync();
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);
        var topics = (await TopicTests.ReclusterAsync(client, taskId)).GetProperty("topics").EnumerateArray().ToList();
        var rate = topics.Single(t => t.GetProperty("terms").EnumerateArray().Any(term => term.GetString() == "rate"));

        using var split = await client.PostAsJsonAsync($"/api/tasks/{taskId}/split", new { topic_ids = new[] { rate.GetProperty("id").GetInt32() }, name = "Exchange rates" }, Token);

        Assert.Equal(HttpStatusCode.OK, split.StatusCode);
        var newTaskId = (await split.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("new_task_id").GetString()!;
        var tasks = await fixture.WaitForTasksAsync(_ => true, Arrival);
        Assert.Equal(rate.GetProperty("calls").GetInt64(), Calls(tasks, newTaskId));
        Assert.Equal(RouterTraffic.Count - rate.GetProperty("calls").GetInt64(), Calls(tasks, taskId));

        using var ingest = fixture.Ingest.CreateClient(fixture.ApiKey);
        using var posted = await ingest.PostAsync("/v1/calls", new StringContent(
            RouterTraffic.Call($"{run}-after-split", agent, "Which exchange rate applies to my dollar transfer?", "exchange_rate"), Encoding.UTF8, "application/json"), Token);
        tasks = await fixture.WaitForTasksAsync(t => Calls(t, newTaskId) == rate.GetProperty("calls").GetInt64() + 1, Arrival);
        Assert.Equal(rate.GetProperty("calls").GetInt64() + 1, Calls(tasks, newTaskId));
    }

    [Fact]
    public async Task Split_WithoutTopicsOrOfAnUnknownTopic_IsRefused()
    {
        var (_, taskId) = await PostTaggedAsync("split-bad", 1);
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        using var none = await client.PostAsJsonAsync($"/api/tasks/{taskId}/split", new { topic_ids = Array.Empty<int>(), name = "x" }, Token);
        using var unknown = await client.PostAsJsonAsync($"/api/tasks/{taskId}/split", new { topic_ids = new[] { 999 }, name = "x" }, Token);

        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.True((await none.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("errors").TryGetProperty("topic_ids", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static long Calls(List<JsonElement> tasks, string taskId) =>
        tasks.FirstOrDefault(t => t.GetProperty("id").GetString() == taskId) is { ValueKind: JsonValueKind.Object } task ? task.GetProperty("calls").GetInt64() : -1;

    /// <summary>Posts calls tagged with a workload and returns the agent and the task they make.</summary>
    private async Task<(string Agent, string TaskId)> PostTaggedAsync(string workload, int count, string? agent = null, bool waitForTask = true)
    {
        agent ??= $"curation-{Guid.NewGuid():N}";
        using var ingest = fixture.Ingest.CreateClient(fixture.ApiKey);
        var records = Enumerable.Range(0, count).Select(i => JsonSerializer.Serialize(new
        {
            id = $"{agent}-{workload}-{Guid.NewGuid():N}",
            agent,
            workload,
            request = new { messages = new[] { new { role = "user", content = $"refund order {i}" } } },
            response = new { choices = new[] { new { index = 0, message = new { role = "assistant", content = "ok" } } } },
        }));
        using var posted = await ingest.PostAsync("/v1/calls/batch", new StringContent(string.Join('\n', records), Encoding.UTF8, "application/x-ndjson"), Token);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        if (!waitForTask)
        {
            return (agent, string.Empty);
        }

        var name = $"{agent}/{workload}";
        var tasks = await fixture.WaitForTasksAsync(t => t.Any(x => x.GetProperty("name").GetString() == name && x.GetProperty("calls").GetInt64() == count), Arrival);
        return (agent, tasks.Single(t => t.GetProperty("name").GetString() == name).GetProperty("id").GetString()!);
    }
}
