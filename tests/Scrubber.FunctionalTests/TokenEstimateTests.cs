namespace SlmPlatform.Scrubber.FunctionalTests;

/// <summary>A call that carries no usage still has a cost: its tokens are estimated with the teacher's tokenizer.</summary>
public sealed class TokenEstimateTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACallWithoutUsage_IsAnnouncedWithEstimatedTokens_AndOneWithUsageKeepsItsOwn()
    {
        var (without, with) = ($"no-usage-{Guid.NewGuid():N}", $"usage-{Guid.NewGuid():N}");
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);
        const string request = """{"model": "gpt-4o", "messages": [{"role": "system", "content": "Classify the message into one intent."}, {"role": "user", "content": "Where is my card? It has not arrived yet."}]}""";
        const string answer = """{"role": "assistant", "content": "{\"intent\": \"card_arrival\"}"}""";

        using var first = await ingest.PostAsync("/v1/calls", Json($$$"""{"id": "{{{without}}}", "agent": "estimator", "request": {{{request}}}, "response": {"choices": [{"message": {{{answer}}}}]}}"""), Token);
        using var second = await ingest.PostAsync("/v1/calls", Json($$$$"""{"id": "{{{{with}}}}", "agent": "estimator", "request": {{{{request}}}}, "response": {"choices": [{"message": {{{{answer}}}}}], "usage": {"prompt_tokens": 111, "completion_tokens": 7}}}"""), Token);

        var estimated = await FactsAsync(without);
        var reported = await FactsAsync(with);
        Assert.True(estimated.GetProperty("tokensEstimated").GetBoolean());
        // 3 to prime the reply, 3 per message, and the words: about 25 tokens in, 8 out.
        Assert.InRange(estimated.GetProperty("promptTokens").GetInt32(), 20, 40);
        Assert.InRange(estimated.GetProperty("completionTokens").GetInt32(), 5, 12);
        Assert.False(reported.GetProperty("tokensEstimated").GetBoolean());
        Assert.Equal(111, reported.GetProperty("promptTokens").GetInt32());
        Assert.Equal(7, reported.GetProperty("completionTokens").GetInt32());
    }

    private async Task<JsonElement> FactsAsync(string callId)
    {
        var message = Assert.Single(await fixture.Scrubbed.WaitForAsync(callId, 1, Timeout, Token));
        return JsonDocument.Parse(message.Envelope).RootElement.GetProperty("message").GetProperty("facts");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
