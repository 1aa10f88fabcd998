namespace SlmPlatform.Gateway.UnitTests;

public sealed class StreamAssemblerTests
{
    [Fact]
    public void Assemble_ConcatenatesContentAndToolCallArgumentsPerIndex()
    {
        var chunks = Parse("""
            [
              {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]},
              {"id":"c1","choices":[{"index":0,"delta":{"content":"Hel"}}]},
              {"id":"c1","choices":[{"index":0,"delta":{"content":"lo"}}]},
              {"id":"c1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"t1","type":"function","function":{"name":"find","arguments":""}}]}}]},
              {"id":"c1","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"t2","type":"function","function":{"name":"book","arguments":"{}"}}]}}]},
              {"id":"c1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"q\":"}}]}}]},
              {"id":"c1","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\"x\"}"}}]}}]},
              {"id":"c1","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]},
              {"id":"c1","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7}}
            ]
            """);

        using var completion = JsonDocument.Parse(StreamAssembler.Assemble(chunks));

        var root = completion.RootElement;
        Assert.Equal("chat.completion", root.GetProperty("object").GetString());
        Assert.Equal("m", root.GetProperty("model").GetString());
        var choice = root.GetProperty("choices")[0];
        Assert.Equal("Hello", choice.GetProperty("message").GetProperty("content").GetString());
        Assert.Equal("tool_calls", choice.GetProperty("finish_reason").GetString());
        var calls = choice.GetProperty("message").GetProperty("tool_calls");
        Assert.Equal("""{"q":"x"}""", calls[0].GetProperty("function").GetProperty("arguments").GetString());
        Assert.Equal("book", calls[1].GetProperty("function").GetProperty("name").GetString());
        Assert.Equal(7, root.GetProperty("usage").GetProperty("total_tokens").GetInt32());
    }

    [Fact]
    public void Assemble_WithoutContent_WritesNullContent()
    {
        using var completion = JsonDocument.Parse(StreamAssembler.Assemble(Parse("""[{"choices":[{"index":0,"delta":{"role":"assistant"},"finish_reason":"stop"}]}]""")));

        Assert.Equal(JsonValueKind.Null, completion.RootElement.GetProperty("choices")[0].GetProperty("message").GetProperty("content").ValueKind);
    }

    private static List<JsonElement> Parse(string json) => [.. JsonDocument.Parse(json).RootElement.EnumerateArray()];
}
