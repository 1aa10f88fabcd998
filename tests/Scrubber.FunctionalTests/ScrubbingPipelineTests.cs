namespace SlmPlatform.Scrubber.FunctionalTests;

public sealed class ScrubbingPipelineTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private const string Email = "jane.doe@example.com";
    private const string Card = "4111 1111 1111 1111";
    private const string ApiSecret = "sk-proj-4fJk29sLq8ZxPq1vTnW7yR3mB6cD0eHa";
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(15);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostedCall_WithPersonalData_IsStoredScrubbedAndNeverLogged()
    {
        var id = $"pii-{Guid.NewGuid():N}";
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);

        using var posted = await ingest.PostAsync("/v1/calls", Json(CallWithPersonalData(id)), Token);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var stored = await fixture.WaitForCallAsync(fixture.KeyA, id, StoreTimeout);
        Assert.NotNull(stored);
        var text = stored.Value.GetRawText();
        Assert.DoesNotContain(Email, text, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", text, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiSecret, text, StringComparison.Ordinal);
        var replacements = stored.Value.GetProperty("replacements");
        Assert.Equal(2, replacements.GetProperty("EMAIL_ADDRESS").GetInt32());
        Assert.Equal(2, replacements.GetProperty("CREDIT_CARD").GetInt32());
        Assert.Equal(1, replacements.GetProperty("CREDENTIAL").GetInt32());

        // Where the user message's stand-ins sit: the words there now are the stand-ins, of the types replaced.
        var userText = stored.Value.GetProperty("request").GetProperty("messages")[1].GetProperty("content")[0].GetProperty("text").GetString()!;
        var standIns = stored.Value.GetProperty("stand_ins").EnumerateArray()
            .Where(s => s.GetProperty("document").GetString() == "request" && s.GetProperty("path").GetString() == "$.messages[1].content[0].text")
            .Select(s => (Type: s.GetProperty("entity_type").GetString(), Text: userText.Substring(s.GetProperty("start").GetInt32(), s.GetProperty("length").GetInt32())))
            .ToList();
        Assert.Equal(["EMAIL_ADDRESS", "CREDIT_CARD"], standIns.Select(s => s.Type));
        Assert.Equal(userText, $"I'm {standIns[0].Text}, refund my card {standIns[1].Text}");

        // Tool-call arguments stay valid JSON with their other values intact.
        var arguments = stored.Value.GetProperty("response").GetProperty("choices")[0].GetProperty("message")
            .GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetString()!;
        using var parsed = JsonDocument.Parse(arguments);
        Assert.Equal("refund", parsed.RootElement.GetProperty("action").GetString());
        Assert.Equal(42.5, parsed.RootElement.GetProperty("amount").GetDouble());

        var rows = await TestDatabase.CountAsync(fixture.CallsDb,
            "select count(*) from calls where (request::text like '%' || $1 || '%' or response::text like '%' || $1 || '%')", Token, Email);
        Assert.Equal(0, rows);
        var logs = fixture.Ingest.Logs.Lines.Concat(fixture.Calls.Logs.Lines).ToList();
        Assert.DoesNotContain(logs, line => line.Contains(Email, StringComparison.Ordinal) || line.Contains(ApiSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SameCallPostedTwice_IsStoredOnceAndAnnouncedUnderOneEventId()
    {
        var id = $"twice-{Guid.NewGuid():N}";
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);

        using var first = await ingest.PostAsync("/v1/calls", Json(SimpleCall(id, "agent-twice")), Token);
        using var second = await ingest.PostAsync("/v1/calls", Json(SimpleCall(id, "agent-twice")), Token);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.NotNull(await fixture.WaitForCallAsync(fixture.KeyA, id, StoreTimeout));
        var announcements = await fixture.Scrubbed.WaitForAsync(id, 2, StoreTimeout, Token);
        Assert.Equal(2, announcements.Count);
        Assert.All(announcements, m => Assert.Equal(DeterministicId.ForScrubbed(PipelineFixture.TenantA, id).ToString(), m.MessageId));
        Assert.Equal(1, await TestDatabase.CountAsync(fixture.CallsDb, "select count(*) from calls where call_id = $1", Token, id));
    }

    [Fact]
    public async Task StoredCall_IsInvisibleToAnotherTenant()
    {
        var id = $"private-{Guid.NewGuid():N}";
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);
        using var posted = await ingest.PostAsync("/v1/calls", Json(SimpleCall(id, "agent-private")), Token);
        Assert.NotNull(await fixture.WaitForCallAsync(fixture.KeyA, id, StoreTimeout));
        using var otherTenant = fixture.Calls.CreateClient(fixture.KeyB);

        using var single = await otherTenant.GetAsync($"/api/calls/{id}", Token);
        var listed = await otherTenant.GetFromJsonAsync<JsonElement>("/api/calls?agent=agent-private", Token);

        Assert.Equal(HttpStatusCode.NotFound, single.StatusCode);
        Assert.Empty(listed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task ListCalls_ByAgent_PagesThroughEveryCallOnceInOrder()
    {
        var agent = $"agent-pages-{Guid.NewGuid():N}";
        var ids = Enumerable.Range(0, 5).Select(i => $"{agent}-{i}").ToList();
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);
        foreach (var id in ids)
        {
            using var posted = await ingest.PostAsync("/v1/calls", Json(SimpleCall(id, agent)), Token);
            Assert.NotNull(await fixture.WaitForCallAsync(fixture.KeyA, id, StoreTimeout));
        }

        using var calls = fixture.Calls.CreateClient(fixture.KeyA);
        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await calls.GetFromJsonAsync<JsonElement>($"/api/calls?agent={agent}&limit=2&after={after}", Token);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()!));
            after = page.GetProperty("next").GetString();
            pages++;
        }
        while (after is not null);

        Assert.Equal(ids, seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task ListCalls_ByWhenTheyStarted_KeepsThoseInTheWindow()
    {
        var agent = $"agent-window-{Guid.NewGuid():N}";
        var started = new[] { "2026-11-30T23:59:59Z", "2026-12-01T00:00:00Z", "2026-12-01T12:00:00+02:00", "2026-12-02T00:00:00Z" };
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);
        for (var i = 0; i < started.Length; i++)
        {
            using var posted = await ingest.PostAsync("/v1/calls", Json(SimpleCall($"{agent}-{i}", agent).Replace("\"agent\":", $"\"started_at\": \"{started[i]}\", \"agent\":", StringComparison.Ordinal)), Token);
            Assert.NotNull(await fixture.WaitForCallAsync(fixture.KeyA, $"{agent}-{i}", StoreTimeout));
        }

        using var calls = fixture.Calls.CreateClient(fixture.KeyA);
        async Task<string[]> ListAsync(string window) =>
            [.. (await calls.GetFromJsonAsync<JsonElement>($"/api/calls?agent={agent}&{window}", Token)).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetString()![^1..])];

        Assert.Equal(["1", "2"], await ListAsync("from=2026-12-01&to=2026-12-01"));
        Assert.Equal(["2", "3"], await ListAsync("from=2026-12-01T09:00:00Z"));
        Assert.Equal(["0", "1"], await ListAsync("to=2026-12-01T10:00:00%2B00:00"));
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=2026-12-01T10:00:00", "to")]
    [InlineData("from=2026-12-02&to=2026-12-01", "from")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("after=-3", "after")]
    [InlineData("after=x", "after")]
    public async Task ListCalls_BadParameter_Returns400NamingIt(string query, string field)
    {
        using var calls = fixture.Calls.CreateClient(fixture.KeyA);

        using var response = await calls.GetAsync($"/api/calls?{query}", Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string SimpleCall(string id, string agent) => $$$"""
        {"id": "{{{id}}}", "agent": "{{{agent}}}", "request": {"messages": [{"role": "user", "content": "Hello"}]},
         "response": {"choices": [{"message": {"role": "assistant", "content": "greeting"}}]}}
        """;

    private static string CallWithPersonalData(string id)
    {
        var arguments = JsonSerializer.Serialize(new { action = "refund", email = Email, card = Card, amount = 42.5 });
        return JsonSerializer.Serialize(new
        {
            id,
            agent = "support-bot",
            workload = "refunds",
            request = new
            {
                model = "gpt-4o",
                messages = new object[]
                {
                    new { role = "system", content = $"Use key {ApiSecret} for the refunds tool." },
                    new { role = "user", content = new object[] { new { type = "text", text = $"I'm {Email}, refund my card {Card}" } } },
                },
            },
            response = new
            {
                choices = new[]
                {
                    new
                    {
                        index = 0,
                        message = new
                        {
                            role = "assistant",
                            content = (string?)null,
                            tool_calls = new[] { new { id = "call_1", type = "function", function = new { name = "refund", arguments } } },
                        },
                        finish_reason = "tool_calls",
                    },
                },
                usage = new { prompt_tokens = 50, completion_tokens = 20, total_tokens = 70 },
            },
        });
    }
}
