using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.TaskDiscovery.Infrastructure;
using SlmPlatform.TaskDiscovery.Model;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>
/// Task names a person can read: from the system prompt's instruction, else the kind of output and then the largest
/// topics; a name a person gave survives re-clustering; tasks too small for topics are marked.
/// </summary>
public sealed class TaskNamingTests(DiscoveryFixture fixture) : IClassFixture<DiscoveryFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static (string Text, string Intent)[] RouterCalls =>
        [.. RouterTraffic.Messages.SelectMany(pair => pair.Value.Select(text => (text, pair.Key)))];

    [Fact]
    public async Task AnUntaggedCallSite_IsNamedAfterItsSystemPromptsInstruction_AndMarkedSmallWhileItHasFewCalls()
    {
        var agent = $"invoices-{Guid.NewGuid():N}"[..17];
        var taskId = await fixture.PostLabelledCallsAsync(
            agent, null, [("Invoice 7 from the stationery shop", "office"), ("Fuel receipt for the van", "fleet")],
            system: "You are a helpful assistant. Sort incoming supplier invoices into cost centres; answer with JSON.");
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);

        var task = (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token)).GetProperty("task");

        Assert.Equal($"{agent}/sort-incoming-supplier-invoices", task.GetProperty("name").GetString());
        Assert.True(task.GetProperty("small").GetBoolean());
    }

    [Fact]
    public async Task WithoutAPrompt_TheNameIsTheKindOfOutput_ThenItsLargestTopics_UntilAPersonRenamesIt()
    {
        var agent = $"prompts-{Guid.NewGuid():N}"[..16];
        var taskId = await fixture.PostLabelledCallsAsync(agent, null, RouterCalls);
        using var client = fixture.Tasks.CreateClient(fixture.ApiKey);
        var before = await NameAsync(client, taskId);

        await TopicTests.ReclusterAsync(client, taskId);
        var afterTopics = await NameAsync(client, taskId);
        using var renamed = await client.PatchAsJsonAsync($"/api/tasks/{taskId}", new { name = "Card and rate questions" }, Token);
        await TopicTests.ReclusterAsync(client, taskId);
        var afterRename = await NameAsync(client, taskId);

        Assert.Equal($"{agent}/json-answers", before);
        Assert.StartsWith($"{agent}/json-answers-", afterTopics, StringComparison.Ordinal);
        var topicWords = afterTopics[$"{agent}/json-answers-".Length..].Split('-');
        Assert.InRange(topicWords.Length, 1, 3);
        var terms = (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}/topics", Token)).GetProperty("topics").EnumerateArray()
            .SelectMany(t => t.GetProperty("terms").EnumerateArray().Select(term => term.GetString())).ToHashSet();
        Assert.All(topicWords, word => Assert.Contains(word, terms));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Card and rate questions", afterRename);
        var summary = (await fixture.WaitForTasksAsync(t => true, TimeSpan.FromSeconds(5))).Single(t => t.GetProperty("id").GetString() == taskId);
        Assert.False(summary.GetProperty("small").GetBoolean());
    }

    [Fact]
    public async Task TwoCallSitesWhosePromptsOpenAlike_AreToldApartByANumber()
    {
        var agent = $"twins-{Guid.NewGuid():N}"[..14];
        const string Prompt = "Sort incoming supplier invoices into cost centres.";
        using var ingest = fixture.Ingest.CreateClient(fixture.ApiKey);
        string Record(string id, string answer) => JsonSerializer.Serialize(new
        {
            id = $"{agent}-{id}",
            agent,
            request = new { messages = new[] { new { role = "system", content = Prompt }, new { role = "user", content = "Invoice 12 from the print shop" } } },
            response = new { choices = new[] { new { index = 0, message = new { role = "assistant", content = answer } } } },
        });

        // The same prompt answered in JSON and in prose: two call sites (the kind of output differs), one opening.
        using var posted = await ingest.PostAsync("/v1/calls/batch", new StringContent(
            Record("json", """{"cost_centre": "office"}""") + "\n" + Record("text", "This one goes to the office budget, I think."), Encoding.UTF8, "application/x-ndjson"), Token);
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var tasks = await fixture.WaitForTasksAsync(t => t.Count(x => x.GetProperty("agent").GetString() == agent) == 2, TimeSpan.FromSeconds(30));

        var names = tasks.Where(t => t.GetProperty("agent").GetString() == agent).Select(t => t.GetProperty("name").GetString()).Order().ToList();
        Assert.Equal([$"{agent}/sort-incoming-supplier-invoices", $"{agent}/sort-incoming-supplier-invoices-2"], names);
    }

    [Fact]
    public async Task NewCallSitesOfOneName_FiledAtOnce_EachGetTheirOwnNumber()
    {
        var store = fixture.Tasks.Services.GetRequiredService<TaskStore>();

        // Concurrent consumers each meeting a new call site whose prompt opens alike: the race the lock closes. Each
        // round starts its filings together, on connections already open.
        for (var round = 0; round < 5; round++)
        {
            var agent = $"rush-{Guid.NewGuid():N}"[..13];
            var name = $"{agent}/sort-incoming-supplier-invoices";
            using var start = new Barrier(8);
            var filed = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait(Token);
                    return store.EnsureTaskAsync(
                        new CallScrubbed(Guid.NewGuid(), DiscoveryFixture.TenantId, $"{agent}-{i}", agent, null, DateTimeOffset.UtcNow, new Dictionary<string, int>()),
                        new CallSite($"{agent}\u001fsignature\u001f{i}", name, TaskNameSources.Instruction, agent, null, OutputKinds.Json),
                        null, null, Token);
                },
                Token, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()));

            Assert.Equal([name, .. Enumerable.Range(2, 7).Select(n => $"{name}-{n}")], filed.Select(f => f.Name).Order(StringComparer.Ordinal));
        }
    }

    private static async Task<string> NameAsync(HttpClient client, string taskId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token)).GetProperty("task").GetProperty("name").GetString()!;
}
