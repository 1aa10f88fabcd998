namespace SlmPlatform.Replay.UnitTests;

public sealed class ReplayRecordsTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("slm-replay-");

    public ReplayRecordsTests()
    {
        var banking = _data.CreateSubdirectory("banking77");
        File.WriteAllText(Path.Combine(banking.FullName, "categories.json"), """["card_arrival", "exchange_rate"]""");
        File.WriteAllText(Path.Combine(banking.FullName, "test.csv"), "text,category\nI am still waiting on my card?,card_arrival\n\"What's the rate, today?\",exchange_rate\n");
        var bfcl = _data.CreateSubdirectory("bfcl");
        File.WriteAllText(Path.Combine(bfcl.FullName, "BFCL_v4_simple_python.json"),
            """{"id": "simple_python_0", "question": [[{"role": "user", "content": "Area of a triangle, base 10, height 5?"}]], "function": [{"name": "calculate_triangle_area", "description": "Area.", "parameters": {"type": "dict", "properties": {"base": {"type": "integer"}, "height": {"type": "float"}, "unit": {"type": "string"}, "extra": {"type": "any"}}, "required": ["base", "height"]}}]}""" + "\n");
        bfcl.CreateSubdirectory("possible_answer");
        File.WriteAllText(Path.Combine(bfcl.FullName, "possible_answer", "BFCL_v4_simple_python.json"),
            """{"id": "simple_python_0", "ground_truth": [{"calculate_triangle_area": {"base": [10], "height": [5.0], "unit": ["", "units"]}}]}""" + "\n");
    }

    [Fact]
    public void Banking77_RecordsAreRouterCallsThatIngestAccepts()
    {
        var records = Banking77Calls.Read(Path.Combine(_data.FullName, "banking77"), "test", tagWorkload: false).ToList();

        Assert.Equal(2, records.Count);
        var call = Parse(records[1]);
        Assert.Null(call.Workload);
        Assert.Equal("What's the rate, today?", call.Request.GetProperty("messages")[1].GetProperty("content").GetString());
        Assert.Contains("exchange_rate", call.Request.GetProperty("messages")[0].GetProperty("content").GetString(), StringComparison.Ordinal);
        var answer = call.Response.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        Assert.Equal("exchange_rate", JsonDocument.Parse(answer).RootElement.GetProperty("intent").GetString());
    }

    [Fact]
    public void Bfcl_RecordsCarryToolsAsJsonSchemaAndTheGroundTruthAsToolCalls()
    {
        var call = Parse(Assert.Single(BfclCalls.Read(Path.Combine(_data.FullName, "bfcl"), tagWorkload: true)));

        Assert.Equal(BfclCalls.Workload, call.Workload);
        var parameters = call.Request.GetProperty("tools")[0].GetProperty("function").GetProperty("parameters");
        Assert.Equal("object", parameters.GetProperty("type").GetString());
        Assert.Equal("number", parameters.GetProperty("properties").GetProperty("height").GetProperty("type").GetString());
        Assert.False(parameters.GetProperty("properties").GetProperty("extra").TryGetProperty("type", out _));
        var function = call.Response.GetProperty("choices")[0].GetProperty("message").GetProperty("tool_calls")[0].GetProperty("function");
        Assert.Equal("calculate_triangle_area", function.GetProperty("name").GetString());
        var arguments = JsonDocument.Parse(function.GetProperty("arguments").GetString()!).RootElement;
        Assert.Equal(10, arguments.GetProperty("base").GetInt32());
        Assert.False(arguments.TryGetProperty("unit", out _));
    }

    [Fact]
    public void SharedData_EveryReplayedRecordPassesIngestValidation()
    {
        var shared = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "data"));
        if (!Directory.Exists(Path.Combine(shared, "banking77")))
        {
            Assert.Skip($"The public data is not at {shared}.");
        }

        var records = Banking77Calls.Read(Path.Combine(shared, "banking77"), "test", false)
            .Concat(BfclCalls.Read(Path.Combine(shared, "bfcl"), false))
            .ToList();

        Assert.Equal(3080 + 400 + 200 + 200 + 200 + 258, records.Count);
        Assert.All(records, r => Parse(r));
        Assert.Equal(records.Count, records.Select(r => r["id"]!.GetValue<string>()).Distinct().Count());
    }

    private static CallRecord Parse(JsonObject record)
    {
        var result = CallRecordParser.Parse(JsonSerializer.SerializeToElement(record), DateTimeOffset.UtcNow);
        Assert.True(result.Record is not null, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        return result.Record!;
    }

    public void Dispose() => _data.Delete(recursive: true);
}
