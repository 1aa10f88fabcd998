using SlmPlatform.Gateway.Infrastructure;

namespace SlmPlatform.Gateway.UnitTests;

public sealed class TeacherAnswerTests
{
    [Fact]
    public void AStreamedAnswer_GivesTheAssembledMessage()
    {
        var payloads = """
            [{"id":"c","choices":[{"index":0,"delta":{"role":"assistant","content":"You "}}]},
             {"id":"c","choices":[{"index":0,"delta":{"content":"said: hi"},"finish_reason":"stop"}]},
             {"id":"c","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":3,"total_tokens":6}}]
            """;

        var message = new TeacherAnswer(Encoding.UTF8.GetBytes(payloads), Succeeded: true, IsEventStream: true).Message();

        Assert.Equal("You said: hi", message?.GetProperty("content").GetString());
    }

    [Fact]
    public void APlainAnswer_GivesItsMessage_AndAFailedOrMalformedOneNone()
    {
        var body = Encoding.UTF8.GetBytes("""{"choices":[{"index":0,"message":{"role":"assistant","content":"ok"}}]}""");

        Assert.Equal("ok", new TeacherAnswer(body, true, false).Message()?.GetProperty("content").GetString());
        Assert.Null(new TeacherAnswer(body, Succeeded: false, false).Message());
        Assert.Null(new TeacherAnswer(Encoding.UTF8.GetBytes("""{"error":{}}"""), true, false).Message());
        Assert.Null(new TeacherAnswer(Encoding.UTF8.GetBytes("not json"), true, false).Message());
    }
}
