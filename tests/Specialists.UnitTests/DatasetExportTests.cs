using System.Text;
using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Specialists.UnitTests;

public sealed class DatasetExportTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenAi_ToolCall_KeepsArgumentsAsStringAndTools()
    {
        var line = await ExportOne(FakeCalls.ToolCall("t", "where is parcel 9", "find_parcel", """{"id":"9"}"""), DatasetExport.OpenAi);

        var messages = line.GetProperty("messages");
        Assert.Equal(["system", "user", "assistant"], messages.EnumerateArray().Select(m => m.GetProperty("role").GetString()));
        var call = messages[2].GetProperty("tool_calls")[0].GetProperty("function");
        Assert.Equal("""{"id":"9"}""", call.GetProperty("arguments").GetString());
        Assert.Equal("find_parcel", line.GetProperty("tools")[0].GetProperty("function").GetProperty("name").GetString());
    }

    [Fact]
    public async Task HuggingFace_ToolCall_HasArgumentsAsObjectAndStringContents()
    {
        var line = await ExportOne(FakeCalls.ToolCall("t", "where is parcel 9", "find_parcel", """{"id":"9"}"""), DatasetExport.HuggingFace);

        var answer = line.GetProperty("messages")[2];
        Assert.Equal(string.Empty, answer.GetProperty("content").GetString());
        Assert.Equal("9", answer.GetProperty("tool_calls")[0].GetProperty("function").GetProperty("arguments").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Array, line.GetProperty("tools").ValueKind);
    }

    [Fact]
    public async Task OpenAi_Router_EndsWithTheTeachersAnswer()
    {
        var line = await ExportOne(FakeCalls.Router("r", "my card has not arrived", "card_arrival"), DatasetExport.OpenAi);

        var answer = line.GetProperty("messages")[2];
        Assert.Equal("""{"intent":"card_arrival"}""", answer.GetProperty("content").GetString());
        Assert.False(line.TryGetProperty("tools", out _));
    }

    [Fact]
    public async Task UnknownFormat_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => DatasetExport.WriteAsync([], "csv", new MemoryStream(), null, Token));
    }

    private static async Task<JsonElement> ExportOne(SourceCall call, string format)
    {
        var dataset = await new DatasetBuilder().BuildAsync(new FakeCalls([call]), "t", Guid.NewGuid(), "json",
            new DatasetOptions { TrainFraction = 1, ValidationFraction = 0, TestFraction = 0 }, Token);
        using var stream = new MemoryStream();
        await DatasetExport.WriteAsync(dataset.Examples, format, stream, null, Token);
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return JsonDocument.Parse(Assert.Single(lines)).RootElement.Clone();
    }
}
