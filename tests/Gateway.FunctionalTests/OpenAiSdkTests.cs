using System.ClientModel;
using OpenAI.Chat;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>The official OpenAI .NET SDK against the gateway, unchanged: what it gets is what the upstream said.</summary>
public sealed class OpenAiSdkTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlainAnswer_IsRelayedAndCapturedAsTheClientReceivedIt()
    {
        var prompt = $"Where is parcel {Guid.NewGuid():N}?";

        var result = await fixture.ChatClient().CompleteChatAsync([new UserChatMessage(prompt)], cancellationToken: Token);

        var completion = result.Value;
        Assert.Equal(ScriptedUpstream.EchoOf(prompt), completion.Content[0].Text);
        Assert.True(result.GetRawResponse().Headers.TryGetValue("x-slm-overhead-duration-ms", out var overhead));
        Assert.True(double.Parse(overhead!, System.Globalization.CultureInfo.InvariantCulture) >= 0);
        var capture = await fixture.CaptureOfAsync(prompt);
        var message = capture.GetProperty("response").GetProperty("choices")[0].GetProperty("message");
        Assert.Equal(completion.Content[0].Text, message.GetProperty("content").GetString());
        Assert.Equal(completion.Usage.TotalTokenCount, capture.GetProperty("response").GetProperty("usage").GetProperty("total_tokens").GetInt32());
        Assert.Equal("gateway", capture.GetProperty("source").GetString());
        Assert.Equal("success", capture.GetProperty("status").GetString());
        Assert.True(result.GetRawResponse().Headers.TryGetValue("x-slm-call-id", out var callId));
        Assert.Equal(callId, capture.GetProperty("callId").GetString());
    }

    [Fact]
    public async Task StreamedAnswer_ArrivesChunkByChunkAndIsCapturedAssembled()
    {
        var prompt = $"Stream me parcel {Guid.NewGuid():N} please";
        var text = new StringBuilder();
        var chunks = 0;

        await foreach (var update in fixture.ChatClient().CompleteChatStreamingAsync([new UserChatMessage(prompt)], cancellationToken: Token))
        {
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
                chunks++;
            }
        }

        Assert.Equal(ScriptedUpstream.EchoOf(prompt), text.ToString());
        Assert.True(chunks > 3);
        var capture = await fixture.CaptureOfAsync(prompt);
        var response = capture.GetProperty("response");
        Assert.Equal(text.ToString(), response.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("stop", response.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        Assert.Equal(30, response.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ToolCall_IsRelayedAndCapturedWithItsArguments(bool stream)
    {
        var prompt = $"Track parcel {Guid.NewGuid():N}";
        var options = new ChatCompletionOptions
        {
            Tools =
            {
                ChatTool.CreateFunctionTool("track_parcel", "Finds a parcel", BinaryData.FromString("""{"type":"object","properties":{"query":{"type":"string"}}}""")),
            },
        };
        string name, arguments;

        if (stream)
        {
            var nameBuilder = new StringBuilder();
            var argumentBuilder = new StringBuilder();
            await foreach (var update in fixture.ChatClient().CompleteChatStreamingAsync([new UserChatMessage(prompt)], options, Token))
            {
                foreach (var call in update.ToolCallUpdates)
                {
                    nameBuilder.Append(call.FunctionName);
                    argumentBuilder.Append(call.FunctionArgumentsUpdate?.ToString());
                }
            }

            (name, arguments) = (nameBuilder.ToString(), argumentBuilder.ToString());
        }
        else
        {
            var completion = (await fixture.ChatClient().CompleteChatAsync([new UserChatMessage(prompt)], options, Token)).Value;
            (name, arguments) = (completion.ToolCalls[0].FunctionName, completion.ToolCalls[0].FunctionArguments.ToString());
        }

        Assert.Equal("track_parcel", name);
        Assert.Equal(prompt, JsonDocument.Parse(arguments).RootElement.GetProperty("query").GetString());
        var captured = (await fixture.CaptureOfAsync(prompt)).GetProperty("response").GetProperty("choices")[0];
        var function = captured.GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function");
        Assert.Equal(name, function.GetProperty("name").GetString());
        Assert.Equal(arguments, function.GetProperty("arguments").GetString());
        Assert.Equal("tool_calls", captured.GetProperty("finish_reason").GetString());
    }

    [Theory]
    [InlineData("rate-limited", 429)]
    [InlineData("broken", 500)]
    public async Task UpstreamError_ReachesTheSdkWithItsStatus(string model, int status)
    {
        var error = await Assert.ThrowsAsync<ClientResultException>(() =>
            fixture.ChatClient(model).CompleteChatAsync([new UserChatMessage("hello")], cancellationToken: Token));

        Assert.Equal(status, error.Status);
    }
}
