using System.Text.Json.Nodes;
using SlmPlatform.Contracts;
using SlmPlatform.Messaging;

namespace SlmPlatform.Ingest.UnitTests;

/// <summary>
/// The bus writes a captured call's request and response as the bytes they were parsed from: the message means what
/// the built-in converter's would, and reads back the same.
/// </summary>
public sealed class RawJsonElementConverterTests
{
    private const string Request = """{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Caf\u00e9 <b>& 'co'</b>, 3.50e2 \ud83d\ude00"}],"n":1.0}""";
    private const string Response = """{ "choices" : [ { "message": {"role":"assistant","content":"ok"} } ], "usage": null }""";

    private static readonly JsonSerializerOptions BuiltIn = new(JsonSerializerDefaults.Web);
    private static readonly JsonSerializerOptions Raw = new(JsonSerializerDefaults.Web) { Converters = { new RawJsonElementConverter() } };

    [Fact]
    public void TheRequestAndResponse_AreWrittenAsTheirOwnBytes()
    {
        var json = JsonSerializer.Serialize(Message(), Raw);

        Assert.Contains(Request, json, StringComparison.Ordinal);
        Assert.Contains(Response, json, StringComparison.Ordinal);
    }

    [Fact]
    public void TheMessage_MeansWhatTheBuiltInConverterWrites_AndReadsBackTheSame()
    {
        var message = Message();

        var raw = JsonSerializer.Serialize(message, Raw);
        var builtIn = JsonSerializer.Serialize(message, BuiltIn);
        var readBack = JsonSerializer.Deserialize<CallCaptured>(raw, Raw)!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(raw), JsonNode.Parse(builtIn)));
        Assert.True(JsonElement.DeepEquals(message.Request, readBack.Request));
        Assert.True(JsonElement.DeepEquals(message.Response, readBack.Response));
        Assert.Equal(message with { Request = readBack.Request, Response = readBack.Response }, readBack);
    }

    [Fact]
    public void AnElementWithNoValue_IsRefusedAsBefore()
    {
        var empty = Message() with { Response = default };

        Assert.Throws<InvalidOperationException>(() => JsonSerializer.Serialize(empty, BuiltIn));
        Assert.Throws<InvalidOperationException>(() => JsonSerializer.Serialize(empty, Raw));
    }

    [Theory]
    [InlineData(7, true)]
    [InlineData(8, false)]
    [InlineData(12, false)]
    public void AValueNestedDeeperThanTheBusAllows_IsRefusedAsTheBuiltInConverterRefusesIt(int depth, bool written)
    {
        // The message's own object takes one of the 8 levels; brackets inside strings do not count.
        var nested = string.Concat(Enumerable.Repeat("""{"a":"[[{{","b":""", depth)) + "1" + new string('}', depth);
        var message = Message() with { Request = JsonDocument.Parse(nested).RootElement };
        var builtIn = new JsonSerializerOptions(BuiltIn) { MaxDepth = 8 };
        var raw = new JsonSerializerOptions(Raw) { MaxDepth = 8 };

        var builtInWrote = Record.Exception(() => JsonSerializer.Serialize(message, builtIn)) is null;
        var rawWrote = Record.Exception(() => JsonSerializer.Serialize(message, raw)) is null;

        Assert.Equal(written, builtInWrote);
        Assert.Equal(written, rawWrote);
    }

    private static CallCaptured Message() => new(
        Guid.CreateVersion7(), "tenant-a", "call-1", "router", null, DateTimeOffset.UnixEpoch, 12.5, "ok", "ingest",
        JsonDocument.Parse(Request).RootElement, JsonDocument.Parse(Response).RootElement, DateTimeOffset.UnixEpoch);
}
