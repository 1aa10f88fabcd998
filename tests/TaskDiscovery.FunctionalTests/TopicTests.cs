namespace SlmPlatform.TaskDiscovery.FunctionalTests;

public sealed class TopicTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Recluster_FindsTheIntentsAsTopics_NewCallsJoinThem_AndIdsStayStable()
    {
        var (run, agent, taskId) = await fixture.ReplayRouterAsync();
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        var first = await ReclusterAsync(client, taskId);

        var topics = first.GetProperty("topics").EnumerateArray().ToList();
        Assert.InRange(topics.Count, 2, 6);
        var purity = await PurityAsync(client, taskId);
        Assert.True(purity >= 0.9, $"Topics mix intents: purity {purity:0.00}.");
        var labels = string.Join(' ', topics.Select(t => t.GetProperty("label").GetString()));
        Assert.Contains("rate", labels, StringComparison.Ordinal);

        // A newcomer joins the topic of its kind without a re-clustering.
        var rateTopic = topics.Single(t => t.GetProperty("terms").EnumerateArray().Any(term => term.GetString() == "rate")).GetProperty("id").GetInt32();
        var newcomer = $"{run}-newcomer";
        using var ingest = fixture.Ingest.CreateClient(fixture.ApiKey);
        using var posted = await ingest.PostAsync("/v1/calls", Json(RouterTraffic.Call(newcomer, agent, "Which exchange rate do I get when I convert my dollars?", "exchange_rate")), Token);
        Assert.Equal(rateTopic, (await WaitForCallAsync(client, taskId, newcomer)).GetProperty("topic_id").GetInt32());

        var second = await ReclusterAsync(client, taskId);

        Assert.Equal(
            topics.Select(t => t.GetProperty("id").GetInt32()).Order(),
            second.GetProperty("topics").EnumerateArray().Select(t => t.GetProperty("id").GetInt32()).Order());
        var changes = await fixture.Changed.WaitForAsync(m => m.Envelope.Contains(taskId, StringComparison.Ordinal) && m.Envelope.Contains("\"topics\"", StringComparison.Ordinal), 2, TimeSpan.FromSeconds(10), Token);
        Assert.Equal(2, changes.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Topics_OfAnUnknownTask_Return404()
    {
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        using var list = await client.GetAsync($"/api/tasks/{Guid.NewGuid()}/topics", Token);
        using var recluster = await client.PostAsync($"/api/tasks/{Guid.NewGuid()}/topics/recluster", null, Token);

        Assert.Equal(HttpStatusCode.NotFound, list.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, recluster.StatusCode);
    }

    internal static async Task<JsonElement> ReclusterAsync(HttpClient client, string taskId)
    {
        using var response = await client.PostAsync($"/api/tasks/{taskId}/topics/recluster", null, Token);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Token);
    }

    internal static async Task<List<JsonElement>> CallsAsync(HttpClient client, string taskId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/calls?limit=500", Token)).GetProperty("items").EnumerateArray()];

    private static async Task<double> PurityAsync(HttpClient client, string taskId)
    {
        var clustered = (await CallsAsync(client, taskId)).Where(c => c.GetProperty("topic_id").ValueKind == JsonValueKind.Number).ToList();
        var majority = clustered.GroupBy(c => c.GetProperty("topic_id").GetInt32())
            .Sum(g => g.GroupBy(c => c.GetProperty("output_label").GetString()).Max(l => l.Count()));
        return clustered.Count == 0 ? 0 : (double)majority / clustered.Count;
    }

    private static async Task<JsonElement> WaitForCallAsync(HttpClient client, string taskId, string callId)
    {
        var call = await Eventually.ReadAsync(
            async () => (await CallsAsync(client, taskId)).FirstOrDefault(c => c.GetProperty("call_id").GetString() == callId),
            found => found.ValueKind == JsonValueKind.Object, TimeSpan.FromSeconds(20), Token, TimeSpan.FromMilliseconds(200));
        return call.ValueKind == JsonValueKind.Object ? call : throw new TimeoutException($"Call {callId} was not filed under task {taskId}.");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
