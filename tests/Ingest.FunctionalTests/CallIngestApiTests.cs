namespace SlmPlatform.Ingest.FunctionalTests;

public sealed class CallIngestApiTests(IngestFixture fixture) : IClassFixture<IngestFixture>
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(10);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PostCall_ValidRecord_Returns202OnceTheBrokerHoldsTheCall()
    {
        var agent = Calls.UniqueAgent();
        using var client = fixture.CreateClient();

        using var response = await client.PostAsync("/v1/calls", Calls.Json(Calls.Record(agent, id: "call-42")), Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal("call-42", body.RootElement.GetProperty("id").GetString());
        var message = Assert.Single(await fixture.Captured.WaitForAsync(agent, 1, ArrivalTimeout, Token));
        Assert.Equal(DeterministicId.ForCapture(IngestFixture.TenantId, "call-42").ToString(), message.MessageId);
        using var envelope = JsonDocument.Parse(message.Envelope);
        var captured = envelope.RootElement.GetProperty("message");
        Assert.Equal(IngestFixture.TenantId, captured.GetProperty("tenantId").GetString());
        Assert.Equal("Where is my parcel?", captured.GetProperty("request").GetProperty("messages")[0].GetProperty("content").GetString());
    }

    [Fact]
    public async Task PostCall_SameIdTwice_PublishesOneMessageIdForBoth()
    {
        var agent = Calls.UniqueAgent();
        using var client = fixture.CreateClient();

        using var first = await client.PostAsync("/v1/calls", Calls.Json(Calls.Record(agent, id: "repeat")), Token);
        using var second = await client.PostAsync("/v1/calls", Calls.Json(Calls.Record(agent, id: "repeat")), Token);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var messages = await fixture.Captured.WaitForAsync(agent, 2, ArrivalTimeout, Token);
        Assert.Equal(2, messages.Count);
        Assert.Single(messages.Select(m => m.MessageId).Distinct());
    }

    [Theory]
    [InlineData("{\"agent\": \"MARKER\", ")]
    [InlineData("[\"MARKER\", 2, 3]")]
    [InlineData("{\"agent\": \"MARKER\", \"request\": {\"messages\": \"hi\"}, \"response\": {}}")]
    public async Task PostCall_InvalidBody_Returns400ProblemAndPublishesNothing(string template)
    {
        using var client = fixture.CreateClient();
        var marker = Calls.UniqueAgent();
        var body = template.Replace("MARKER", marker, StringComparison.Ordinal);

        using var response = await client.PostAsync("/v1/calls", Calls.Json(body), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.True(problem.RootElement.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any());
        Assert.Empty(await fixture.Captured.WaitForAsync(marker, 1, TimeSpan.FromMilliseconds(500), Token));
    }

    [Fact]
    public async Task PostCall_BodyNotUtf8_Returns400NamingTheEncoding()
    {
        using var client = fixture.CreateClient();
        using var content = new ByteArrayContent([0x7B, 0x22, 0xC3, 0x28, 0x22, 0x7D]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/v1/calls", content, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("UTF-8", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostCall_OverTheSizeLimit_Returns413()
    {
        using var client = fixture.CreateClient();
        var body = Calls.Record(Calls.UniqueAgent(), content: new string('x', IngestFixture.MaxCallBytes));

        using var response = await client.PostAsync("/v1/calls", Calls.Json(body), Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains(IngestFixture.MaxCallBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("slm_not-a-real-key", "unknown")]
    public async Task PostCall_WithoutAValidKey_Returns401ProblemSayingWhy(string? apiKey, string reason)
    {
        using var client = fixture.Factory.CreateClient(apiKey);

        using var response = await client.PostAsync("/v1/calls", Calls.Json(Calls.Record(Calls.UniqueAgent())), Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostCall_FormContentType_Returns415()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsync("/v1/calls", new StringContent(Calls.Record("a"), Encoding.UTF8, "text/plain"), Token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task PostBatch_JsonArrayWithBadRecords_AcceptsTheRestAndSaysWhichWereRejected()
    {
        var agent = Calls.UniqueAgent();
        using var client = fixture.CreateClient();
        var body = $"[{Calls.Record(agent, "b-0")}, {{\"agent\": \"{agent}\"}}, {Calls.Record(agent, "b-2")}]";

        using var response = await client.PostAsync("/v1/calls/batch", Calls.Json(body), Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.Equal(["b-0", "b-2"], result.RootElement.GetProperty("accepted").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var rejected = Assert.Single(result.RootElement.GetProperty("rejected").EnumerateArray());
        Assert.Equal(1, rejected.GetProperty("index").GetInt32());
        Assert.True(rejected.GetProperty("errors").TryGetProperty("request", out _));
        var published = await fixture.Captured.WaitForAsync(agent, 2, ArrivalTimeout, Token);
        Assert.Equal(2, published.Count);
    }

    [Fact]
    public async Task PostBatch_Ndjson_PublishesEveryLine()
    {
        var agent = Calls.UniqueAgent();
        using var client = fixture.CreateClient();
        var lines = string.Join('\n', Enumerable.Range(0, 20).Select(i => Calls.Record(agent, $"n-{i}")));

        using var response = await client.PostAsync("/v1/calls/batch", new StringContent(lines, Encoding.UTF8, "application/x-ndjson"), Token);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var published = await fixture.Captured.WaitForAsync(agent, 20, ArrivalTimeout, Token);
        Assert.Equal(20, published.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task PostBatch_MoreRecordsThanAllowed_Returns413AndPublishesNothing()
    {
        using var client = fixture.CreateClient();
        var agent = Calls.UniqueAgent();
        var body = "[" + string.Join(',', Enumerable.Range(0, IngestFixture.MaxBatchItems + 1).Select(i => Calls.Record(agent, $"m-{i}"))) + "]";

        using var response = await client.PostAsync("/v1/calls/batch", Calls.Json(body), Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await fixture.Captured.WaitForAsync(agent, 1, TimeSpan.FromMilliseconds(500), Token));
    }

    [Fact]
    public async Task PostBatch_NoValidRecord_Returns400NamingEachRecord()
    {
        using var client = fixture.CreateClient();

        using var response = await client.PostAsync("/v1/calls/batch", Calls.Json("[{\"agent\": 1}, {\"agent\": \"a\"}]"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var fields = problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("[0].agent", fields);
        Assert.Contains("[1].request", fields);
    }
}
