using System.ComponentModel;
using System.Net;
using System.Net.Sockets;

namespace SlmPlatform.Client.FunctionalTests;

public sealed class UseSlmCaptureTests(CaptureFixture fixture) : IClassFixture<CaptureFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Call_IsShippedToIngestInOpenAiFormatWithAgentAndWorkload()
    {
        var prompt = $"Route ticket {Guid.NewGuid():N}";
        var (client, shipper) = fixture.CreateAgentClient("support-agent", "route-intent");
        await using var _ = shipper;

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "You route tickets."), new ChatMessage(ChatRole.User, prompt)],
            new ChatOptions { Temperature = 0.2f }, Token);

        Assert.Equal(ScriptedUpstream.EchoOf(prompt), response.Text);
        var capture = await fixture.CaptureOfAsync(prompt);
        Assert.Equal("support-agent", capture.GetProperty("agent").GetString());
        Assert.Equal("route-intent", capture.GetProperty("workload").GetString());
        var request = capture.GetProperty("request");
        Assert.Equal("system", request.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Equal(prompt, request.GetProperty("messages")[1].GetProperty("content").GetString());
        Assert.Equal(0.2, request.GetProperty("temperature").GetDouble(), 3);
        var answer = capture.GetProperty("response").GetProperty("choices")[0].GetProperty("message");
        Assert.Equal(response.Text, answer.GetProperty("content").GetString());
        Assert.Equal(30, capture.GetProperty("response").GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task StreamedCall_IsShippedAssembled()
    {
        var prompt = $"Stream ticket {Guid.NewGuid():N}";
        var (client, shipper) = fixture.CreateAgentClient("support-agent", null);
        await using var _ = shipper;
        var text = new System.Text.StringBuilder();

        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, prompt)], cancellationToken: Token))
        {
            text.Append(update.Text);
        }

        var capture = await fixture.CaptureOfAsync(prompt);
        Assert.True(capture.GetProperty("request").GetProperty("stream").GetBoolean());
        Assert.Equal(text.ToString(), capture.GetProperty("response").GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
    }

    [Fact]
    public async Task ToolCall_IsShippedWithTheToolsOfferedAndTheCallMade()
    {
        var prompt = $"Find parcel {Guid.NewGuid():N}";
        var (client, shipper) = fixture.CreateAgentClient("parcel-agent", "track");
        await using var _ = shipper;
        var tool = AIFunctionFactory.Create(([Description("What to look for")] string query) => "in transit", "track_parcel", "Finds a parcel");

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, prompt)], new ChatOptions { Tools = [tool] }, Token);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        var capture = await fixture.CaptureOfAsync(prompt);
        var offered = capture.GetProperty("request").GetProperty("tools")[0].GetProperty("function");
        Assert.Equal("track_parcel", offered.GetProperty("name").GetString());
        Assert.Equal("object", offered.GetProperty("parameters").GetProperty("type").GetString());
        var made = capture.GetProperty("response").GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls")[0];
        Assert.Equal(call.CallId, made.GetProperty("id").GetString());
        Assert.Equal(prompt, JsonDocument.Parse(made.GetProperty("function").GetProperty("arguments").GetString()!).RootElement.GetProperty("query").GetString());
        Assert.Equal("tool_calls", capture.GetProperty("response").GetProperty("choices")[0].GetProperty("finish_reason").GetString());
    }

    [Fact]
    public async Task IngestUnreachable_TheAgentsCallStillSucceedsAndTheLossIsCounted()
    {
        var (client, shipper) = fixture.CreateAgentClient("lonely-agent", null, ingest: new Uri($"http://127.0.0.1:{ClosedPort()}/"));
        await using var _ = shipper;

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "still there?")], cancellationToken: Token);
        await shipper.FlushAsync(Token);

        Assert.Equal(ScriptedUpstream.EchoOf("still there?"), response.Text);
        Assert.Equal(1, shipper.Dropped);
        Assert.Equal(0, shipper.Shipped);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
