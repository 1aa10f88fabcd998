using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace SlmPlatform.Scrubber.FunctionalTests;

/// <summary>
/// Text that JSON allows but PostgreSQL's jsonb does not (U+0000, a lone surrogate) is mapped to U+FFFD, so the call is
/// stored instead of being retried into the error queue; nesting the bus cannot carry is refused at the edge.
/// </summary>
public sealed class UnstorableTextTests(PipelineFixture fixture) : IClassFixture<PipelineFixture>
{
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(15);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("nul", @"a\u0000b", "a\uFFFDb")]
    [InlineData("high", @"a\ud800b", "a\uFFFDb")]
    [InlineData("low", @"a\udc00b", "a\uFFFDb")]
    [InlineData("pair", @"a\ud83d\ude00b", "a\U0001F600b")]
    public async Task PostedCall_WithTextJsonbCannotHold_IsStoredWithReplacementCharacters(string kind, string escaped, string stored)
    {
        var id = $"unstorable-{kind}-{Guid.NewGuid():N}";
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);

        using var posted = await ingest.PostAsync("/v1/calls", Json(CallWithContent(id, escaped)), Token);

        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var call = await fixture.WaitForCallAsync(fixture.KeyA, id, StoreTimeout);
        Assert.NotNull(call);
        Assert.Equal(stored, call.Value.GetProperty("request").GetProperty("messages")[0].GetProperty("content").GetString());
    }

    // A lone surrogate cannot even be put on the bus (the serializer refuses it), so only U+0000 can arrive this way.
    [Fact]
    public async Task CaptureWithNulFromAnOlderEdge_IsStoredByTheScrubberAllTheSame()
    {
        var id = $"older-edge-{Guid.NewGuid():N}";
        using var request = JsonDocument.Parse("""{"messages":[{"role":"user","content":"x\u0000y"}]}""");
        using var response = JsonDocument.Parse("""{"choices":[{"message":{"role":"assistant","content":"ok\u0000"}}]}""");
        var captured = new CallCaptured(
            DeterministicId.ForCapture(PipelineFixture.TenantA, id), PipelineFixture.TenantA, id, "older-edge", null,
            DateTimeOffset.UtcNow, null, "success", "platform", request.RootElement.Clone(), response.RootElement.Clone(), DateTimeOffset.UtcNow);

        await fixture.Ingest.Services.GetRequiredService<IBus>().Publish(captured, Token);

        var call = await fixture.WaitForCallAsync(fixture.KeyA, id, StoreTimeout);
        Assert.NotNull(call);
        Assert.Equal("x\uFFFDy", call.Value.GetProperty("request").GetProperty("messages")[0].GetProperty("content").GetString());
        Assert.Equal("ok\uFFFD", call.Value.GetProperty("response").GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task PostedCall_NestedDeeperThanTheLimit_IsRefusedNamingTheLimitAndNothingIsStored()
    {
        var id = $"deep-{Guid.NewGuid():N}";
        var nested = new string('[', CallPayload.MaxDepth) + new string(']', CallPayload.MaxDepth);
        using var ingest = fixture.Ingest.CreateClient(fixture.KeyA);

        using var posted = await ingest.PostAsync("/v1/calls", Json(CallWithContent(id, "deep").Replace("\"deep\"}", $"\"deep\",\"extra\":{nested}}}", StringComparison.Ordinal)), Token);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        var problem = await posted.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Contains($"nested deeper than {CallPayload.MaxDepth} levels", problem.GetProperty("errors").GetProperty("$")[0].GetString(), StringComparison.Ordinal);
        Assert.Null(await fixture.WaitForCallAsync(fixture.KeyA, id, TimeSpan.FromSeconds(1)));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string CallWithContent(string id, string escapedContent) => $$$"""
        {"id": "{{{id}}}", "agent": "unstorable-text", "request": {"messages": [{"role": "user", "content": "{{{escapedContent}}}"}]},
         "response": {"choices": [{"message": {"role": "assistant", "content": "ok"}}]}}
        """;
}
