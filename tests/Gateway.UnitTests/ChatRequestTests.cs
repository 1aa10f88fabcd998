namespace SlmPlatform.Gateway.UnitTests;

public sealed class ChatRequestTests
{
    [Fact]
    public void UpstreamBody_ForAStreamWithoutUsage_AsksForUsage()
    {
        using var request = ChatRequest.TryParse("""{"model":"m","stream":true,"messages":[]}"""u8.ToArray())!;

        using var forwarded = JsonDocument.Parse(request.UpstreamBody());

        Assert.True(request.UsageInjected);
        Assert.True(forwarded.RootElement.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
    }

    [Theory]
    [InlineData("""{"model":"m","messages":[]}""")]
    [InlineData("""{"model":"m","stream":true,"stream_options":{"include_usage":true},"messages":[]}""")]
    public void UpstreamBody_OtherwiseIsTheClientsOwnBytes(string json)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = ChatRequest.TryParse(body)!;

        Assert.False(request.UsageInjected);
        Assert.Same(body, request.UpstreamBody());
    }

    [Theory]
    [InlineData("[1]")]
    [InlineData("{\"model\":")]
    public void TryParse_NotAJsonObject_ReturnsNull(string json) => Assert.Null(ChatRequest.TryParse(Encoding.UTF8.GetBytes(json)));
}
