using System.ClientModel;
using System.Diagnostics;
using Microsoft.Extensions.AI;
using OpenAI;

namespace SlmPlatform.Ingest.FunctionalTests;

/// <summary>GenAI spans, as Microsoft.Extensions.AI's OpenTelemetry instrumentation records them, sent over OTLP/HTTP JSON.</summary>
public sealed class OtlpTracesApiTests(IngestFixture fixture) : IClassFixture<IngestFixture>
{
    private const string SourceName = "SlmPlatform.Tests.GenAi";
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChatSpansFromAnInstrumentedAgent_BecomeCalls()
    {
        var prompt = $"Where is parcel {Guid.NewGuid():N}?";
        var spans = await RecordChatSpansAsync(prompt);
        using var client = fixture.CreateClient();

        using var response = await client.PostAsync("/v1/traces", Calls.Json(OtlpJson.Export(spans, "otel-support-agent")), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = Assert.Single(await fixture.Captured.WaitForAsync(prompt, 1, TimeSpan.FromSeconds(10), Token));
        var call = JsonDocument.Parse(message.Envelope).RootElement.GetProperty("message");
        Assert.Equal("opentelemetry", call.GetProperty("source").GetString());
        Assert.Equal("otel-support-agent", call.GetProperty("agent").GetString());
        var messages = call.GetProperty("request").GetProperty("messages");
        Assert.Equal("system", messages[0].GetProperty("role").GetString());
        Assert.Equal(prompt, messages[1].GetProperty("content").GetString());
        var choice = call.GetProperty("response").GetProperty("choices")[0];
        Assert.Equal(ScriptedUpstream.EchoOf(prompt), choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal(30, call.GetProperty("response").GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public async Task SpansWithoutContentOrOfOtherKinds_AreNotCallsAndTheChatOnesAreReported()
    {
        var export = """
            {"resourceSpans":[{"resource":{"attributes":[]},"scopeSpans":[{"spans":[
              {"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331","name":"GET /orders","startTimeUnixNano":"1","endTimeUnixNano":"2","attributes":[{"key":"http.request.method","value":{"stringValue":"GET"}}]},
              {"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203332","name":"chat gpt-4o","startTimeUnixNano":"1","endTimeUnixNano":"2","attributes":[{"key":"gen_ai.operation.name","value":{"stringValue":"chat"}}]}
            ]}]}]}
            """;
        using var client = fixture.CreateClient();

        using var response = await client.PostAsync("/v1/traces", Calls.Json(export), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var partial = body.RootElement.GetProperty("partialSuccess");
        Assert.Equal(1, partial.GetProperty("rejectedSpans").GetInt64());
        Assert.Contains("b7ad6b7169203332", partial.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProtobufExport_Returns415SayingJsonIsNeeded()
    {
        using var client = fixture.CreateClient();
        using var content = new ByteArrayContent([0x0A, 0x00]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");

        using var response = await client.PostAsync("/v1/traces", content, Token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("JSON", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    /// <summary>An agent's IChatClient with OpenTelemetry instrumentation (content capture on) talking to a provider.</summary>
    private static async Task<List<Activity>> RecordChatSpansAsync(string prompt)
    {
        var recorded = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = recorded.Add,
        };
        ActivitySource.AddActivityListener(listener);
        await using var upstream = await ScriptedUpstream.StartAsync();
        using var agent = new OpenAIClient(new ApiKeyCredential(ScriptedUpstream.ApiKey), new OpenAIClientOptions { Endpoint = upstream.BaseUrl })
            .GetChatClient("gpt-4o-mini")
            .AsIChatClient()
            .AsBuilder()
            .UseOpenTelemetry(sourceName: SourceName, configure: o => o.EnableSensitiveData = true)
            .Build();

        await agent.GetResponseAsync([new ChatMessage(ChatRole.System, "You find parcels."), new ChatMessage(ChatRole.User, prompt)], cancellationToken: Token);
        return recorded;
    }
}
