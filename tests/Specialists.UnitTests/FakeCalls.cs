using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Specialists.UnitTests;

/// <summary>Self-made task calls in the shapes the calls service stores (OpenAI chat requests and responses).</summary>
internal sealed class FakeCalls(IReadOnlyList<SourceCall> calls) : ITaskCallSource
{
    public const string Tools = """[{"type":"function","function":{"name":"find_parcel","parameters":{"type":"object","properties":{"id":{"type":"string"}}}}}]""";

    public Task<string?> OutputKindAsync(string tenantId, Guid taskId, CancellationToken cancellationToken) => Task.FromResult<string?>("json");

    public async IAsyncEnumerable<SourceCall> ReadAsync(string tenantId, Guid taskId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var call in calls)
        {
            await Task.Yield();
            yield return call;
        }
    }

    public static SourceCall Router(string id, string text, string intent, string status = "success", string? content = null) => new(
        id, Messages(text), null,
        Json("""{"choices":[{"message":{"role":"assistant","content":""" + JsonSerializer.Serialize(content ?? JsonSerializer.Serialize(new { intent })) + "}}]}"),
        status, intent);

    public static SourceCall ToolCall(string id, string text, string function, string arguments) => new(
        id, Messages(text), Json(Tools),
        Json("""{"choices":[{"message":{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":""" + JsonSerializer.Serialize(function) + ""","arguments":""" + JsonSerializer.Serialize(arguments) + "}}]}}]}"),
        "success", function);

    private static JsonElement Messages(string text) =>
        Json($$"""[{"role":"system","content":"Route the message."},{"role":"user","content":{{JsonSerializer.Serialize(text)}}}]""");

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
