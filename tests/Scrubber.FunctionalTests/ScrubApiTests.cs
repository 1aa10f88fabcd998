namespace SlmPlatform.Scrubber.FunctionalTests;

public sealed class ScrubApiTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private const string Email = "jane.doe@example.com";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Scrub_Text_ReturnsScrubbedTextAndEntityOffsetsInTheOriginal()
    {
        const string text = "Please mail Jane Doe at jane.doe@example.com, card 4111 1111 1111 1111.";
        using var client = fixture.Calls.CreateClient(fixture.KeyA);

        using var response = await client.PostAsJsonAsync("/api/scrub", new { text, @operator = "placeholder" }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Equal("Please mail <PERSON_1> at <EMAIL_ADDRESS_1>, card <CREDIT_CARD_1>.", body.GetProperty("text").GetString());
        var entities = body.GetProperty("entities").EnumerateArray()
            .Select(e => (Type: e.GetProperty("type").GetString(), Value: text[e.GetProperty("start").GetInt32()..e.GetProperty("end").GetInt32()]))
            .ToList();
        Assert.Equal([("PERSON", "Jane Doe"), ("EMAIL_ADDRESS", Email), ("CREDIT_CARD", "4111 1111 1111 1111")], entities);
        Assert.Equal(1, body.GetProperty("replacements").GetProperty("EMAIL_ADDRESS").GetInt32());
    }

    [Fact]
    public async Task Scrub_TextWithTenantDefault_ReplacesWithConsistentSurrogates()
    {
        using var client = fixture.Calls.CreateClient(fixture.KeyA);

        var first = await ScrubTextAsync(client, $"write to {Email}");
        var second = await ScrubTextAsync(client, $"reply to {Email} now");

        Assert.DoesNotContain(Email, first, StringComparison.Ordinal);
        var surrogate = first["write to ".Length..];
        Assert.Matches(@"^[a-z]+\.[a-z]+@example\.(com|org|net)$", surrogate);
        Assert.Equal($"reply to {surrogate} now", second);
    }

    [Fact]
    public async Task Scrub_Json_KeepsShapeAndTypesAndCountsReplacements()
    {
        using var client = fixture.Calls.CreateClient(fixture.KeyA);
        var arguments = JsonSerializer.Serialize(new { email = Email, amount = 42.5, card = 4111111111111111 });

        using var response = await client.PostAsJsonAsync("/api/scrub", new { json = new { messages = new[] { new { role = "user", content = $"I am {Email}" } }, arguments } }, Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        var json = body.GetProperty("json");
        Assert.DoesNotContain(Email, json.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("user", json.GetProperty("messages")[0].GetProperty("role").GetString());
        using var parsed = JsonDocument.Parse(json.GetProperty("arguments").GetString()!);
        Assert.Equal(42.5, parsed.RootElement.GetProperty("amount").GetDouble());
        Assert.Equal(JsonValueKind.Number, parsed.RootElement.GetProperty("card").ValueKind);
        Assert.NotEqual(4111111111111111, parsed.RootElement.GetProperty("card").GetInt64());
        Assert.Equal(2, body.GetProperty("replacements").GetProperty("EMAIL_ADDRESS").GetInt32());
    }

    [Theory]
    [InlineData("""{}""", "text")]
    [InlineData("""{"text":"a","json":{"b":1}}""", "json")]
    [InlineData("""{"text":"a","operator":"shred"}""", "operator")]
    [InlineData("""{"text":"a","operator":"1"}""", "operator")]
    public async Task Scrub_BadInput_Returns400NamingTheField(string body, string field)
    {
        using var client = fixture.Calls.CreateClient(fixture.KeyA);

        using var response = await client.PostAsync("/api/scrub", new StringContent(body, Encoding.UTF8, "application/json"), Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Scrub_WithoutApiKey_Returns401()
    {
        using var client = fixture.Calls.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/scrub", new { text = Email }, Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<string> ScrubTextAsync(HttpClient client, string text)
    {
        using var response = await client.PostAsJsonAsync("/api/scrub", new { text }, Token);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Token)).GetProperty("text").GetString()!;
    }
}
