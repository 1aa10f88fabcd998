using System.Diagnostics;
using SlmPlatform.Contracts;
using SlmPlatform.Testing;

namespace SlmPlatform.AppHost.Tests;

[Collection(PlatformCollection.Name)]
public sealed class PlatformEndToEndTests(LocalPlatformFixture platform)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostedCall_WithEmailAndCard_IsReadableScrubbed()
    {
        var id = $"e2e-{Guid.NewGuid():N}";
        using var ingest = platform.CreateClient("ingest");
        using var calls = platform.CreateClient("calls");

        using var posted = await ingest.PostAsync("/v1/calls", EndToEnd.Json(Call(id, "e2e-agent", "Mail jane.doe@example.com, card 5555 5555 5555 4444")), Token);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var stored = await EndToEnd.PollAsync(async () =>
        {
            using var response = await calls.GetAsync($"/api/calls/{id}", Token);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(Token) : null;
        }, EndToEnd.Eventually);
        Assert.NotNull(stored);
        Assert.DoesNotContain("jane.doe@example.com", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("5555 5555 5555 4444", stored, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(stored);
        var replacements = document.RootElement.GetProperty("replacements");
        Assert.Equal(1, replacements.GetProperty("EMAIL_ADDRESS").GetInt32());
        Assert.Equal(1, replacements.GetProperty("CREDIT_CARD").GetInt32());
    }

    [Fact]
    public async Task CallThroughTheGateway_IsRelayedAndReadableScrubbed()
    {
        var marker = Guid.NewGuid().ToString("N");
        var prompt = $"Order {marker}: mail the invoice to jane.doe@example.com";
        using var gateway = platform.CreateClient("gateway");
        using var calls = platform.CreateClient("calls");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = EndToEnd.Json(JsonSerializer.Serialize(new { model = "gpt-4o-mini", messages = new[] { new { role = "user", content = prompt } } })),
        };
        request.Headers.Add("X-Slm-Agent", "e2e-gateway-agent");

        using var response = await gateway.SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var callId = Assert.Single(response.Headers.GetValues("x-slm-call-id"));
        var stored = await EndToEnd.PollAsync(async () =>
        {
            using var found = await calls.GetAsync($"/api/calls/{callId}", Token);
            return found.IsSuccessStatusCode ? await found.Content.ReadAsStringAsync(Token) : null;
        }, EndToEnd.Eventually);
        Assert.NotNull(stored);
        Assert.Contains(marker, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe@example.com", stored, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(stored);
        Assert.Equal("e2e-gateway-agent", document.RootElement.GetProperty("agent").GetString());
        Assert.Equal("gateway", document.RootElement.GetProperty("source").GetString());
    }

    [Fact]
    public async Task PostedCalls_AreListedAsATaskWithTheirStatistics()
    {
        var agent = $"e2e-router-{Guid.NewGuid():N}";
        using var ingest = platform.CreateClient("ingest");
        using var tasks = platform.CreateClient("tasks");
        var body = "[" + string.Join(',', Enumerable.Range(0, 12).Select(i => Call($"{agent}-{i}", agent, $"where is my card {i}?"))) + "]";

        using var posted = await ingest.PostAsync("/v1/calls/batch", EndToEnd.Json(body), Token);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var listed = await EndToEnd.PollAsync(async () =>
        {
            var all = await tasks.GetFromJsonAsync<JsonElement>("/api/tasks", Token);
            var mine = all.EnumerateArray().Where(t => t.GetProperty("agent").GetString() == agent).ToList();
            return mine.Count == 1 && mine[0].GetProperty("calls").GetInt64() == 12 ? mine[0].GetRawText() : null;
        }, EndToEnd.Eventually);
        Assert.NotNull(listed);
        Assert.Equal("text", JsonDocument.Parse(listed).RootElement.GetProperty("output_kind").GetString());
    }

    [Fact]
    public async Task Serving_ListsTheModelsTrainingRegistered()
    {
        using var serving = platform.CreateClient("serving");
        using var training = platform.CreateClient("training");

        var tags = await serving.GetFromJsonAsync<JsonElement>("/api/tags", Token);
        var models = await training.GetFromJsonAsync<JsonElement>("/api/models", Token);

        Assert.Equal(models.GetArrayLength(), tags.GetProperty("models").GetArrayLength());
    }

    [Fact]
    public async Task SamePostTwice_GivesOneRow()
    {
        var id = $"e2e-twice-{Guid.NewGuid():N}";
        using var ingest = platform.CreateClient("ingest");
        await using var scrubbed = await CapturingQueue.BindAsync(await platform.ConnectionStringAsync("messaging"), typeof(CallScrubbed), Token);

        using var first = await ingest.PostAsync("/v1/calls", EndToEnd.Json(Call(id, "e2e-twice", "hello")), Token);
        using var second = await ingest.PostAsync("/v1/calls", EndToEnd.Json(Call(id, "e2e-twice", "hello")), Token);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var callsDb = await platform.ConnectionStringAsync("callsdb");
        Assert.True(await EndToEnd.PollAsync(async () => await TestDatabase.CountAsync(callsDb, "select count(*) from calls where call_id = $1", Token, id) == 1 ? "stored" : null, EndToEnd.Eventually) is not null);
        // The scrubber announces the call on every delivery, under one event id: two announcements mean both posts
        // were handled, and the count must still be one.
        var announced = await scrubbed.WaitForAsync(id, 2, EndToEnd.Eventually, Token);
        Assert.Equal(2, announced.Count);
        Assert.Single(announced.Select(m => m.MessageId).Distinct());
        Assert.Equal(1, await TestDatabase.CountAsync(callsDb, "select count(*) from calls where call_id = $1", Token, id));
    }

    [Fact]
    public async Task MalformedBody_Returns400AndStoresNothing()
    {
        var agent = $"e2e-malformed-{Guid.NewGuid():N}";
        using var ingest = platform.CreateClient("ingest");

        using var response = await ingest.PostAsync("/v1/calls", EndToEnd.Json($"{{\"agent\": \"{agent}\", \"request\": "), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);

        // A well-formed call of the same agent, posted after: once it is stored, anything the bad post had let through
        // would have been too.
        using var sentinel = await ingest.PostAsync("/v1/calls", EndToEnd.Json(Call($"{agent}-sentinel", agent, "hello")), Token);
        Assert.Equal(HttpStatusCode.Accepted, sentinel.StatusCode);
        var callsDb = await platform.ConnectionStringAsync("callsdb");
        Assert.NotNull(await EndToEnd.PollAsync(
            async () => await TestDatabase.CountAsync(callsDb, "select count(*) from calls where call_id = $1", Token, $"{agent}-sentinel") == 1 ? "stored" : null,
            EndToEnd.Eventually));
        Assert.Equal(1, await TestDatabase.CountAsync(callsDb, "select count(*) from calls where agent = $1", Token, agent));
    }

    [Fact]
    public async Task ScrubberKilledMidBatch_StillStoresEveryCallExactlyOnce()
    {
        const int batches = 16;
        const int perBatch = 250;
        var agent = $"e2e-kill-{Guid.NewGuid():N}";
        var callsDb = await platform.ConnectionStringAsync("callsdb");
        await using var announced = await CapturingQueue.BindAsync(await platform.ConnectionStringAsync("messaging"), typeof(CallScrubbed), Token);
        using var ingest = platform.CreateClient("ingest");
        ingest.Timeout = TimeSpan.FromMinutes(2);

        for (var batch = 0; batch < batches; batch++)
        {
            if (batch == 4)
            {
                KillScrubber();
            }

            var body = "[" + string.Join(',', Enumerable.Range(0, perBatch).Select(i => Call($"{agent}-{batch}-{i}", agent, $"call {i} from jane{i}@mail.acme-corp.io"))) + "]";
            using var response = await ingest.PostAsync("/v1/calls/batch", EndToEnd.Json(body), Token);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        await platform.App.ResourceCommands.ExecuteCommandAsync("calls", KnownResourceCommands.StartCommand, Token);
        const int total = batches * perBatch;
        var stored = await EndToEnd.PollAsync(async () =>
            await TestDatabase.CountAsync(callsDb, "select count(*) from calls where agent = $1", Token, agent) >= total ? "all" : null,
            TimeSpan.FromMinutes(3));

        Assert.NotNull(stored);
        Assert.Equal(total, await TestDatabase.CountAsync(callsDb, "select count(distinct call_id) from calls where agent = $1", Token, agent));
        Assert.Equal(0, await TestDatabase.CountAsync(callsDb, "select count(*) from calls where agent = $1 and request::text like '%acme-corp.io%'", Token, agent));
        var events = await announced.WaitForAsync(agent, total, TimeSpan.FromMinutes(1), Token);
        Assert.Equal(total, events.Select(e => e.MessageId).Distinct().Count());
    }

    private void KillScrubber()
    {
        Assert.True(platform.App.ResourceNotifications.TryGetCurrentState("calls", out var state));
        var pid = state.Snapshot.Properties.Single(p => p.Name == "executable.pid").Value;
        using var process = Process.GetProcessById(Convert.ToInt32(pid, System.Globalization.CultureInfo.InvariantCulture));
        process.Kill(entireProcessTree: true);
    }

    private static string Call(string id, string agent, string content) => JsonSerializer.Serialize(new
    {
        id,
        agent,
        request = new { model = "gpt-4o", messages = new[] { new { role = "user", content } } },
        response = new { choices = new[] { new { index = 0, message = new { role = "assistant", content = "ok" } } } },
    });
}
