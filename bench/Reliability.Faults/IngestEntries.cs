using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// Ingest's three ways in, taken in turn by the load so that the canaries pass through each: one call
/// (<c>/v1/calls</c>), a batch (<c>/v1/calls/batch</c>) and an OpenTelemetry trace export (<c>/v1/traces</c>, a GenAI
/// span whose ids give the call's). Each request is the same call every time it is retried, so it lands once.
/// </summary>
internal static class IngestEntries
{
    public const string Agent = "fault-suite-desk";
    private const string Instructions = "Sort the customer's message into billing, delivery or other.";

    /// <summary>The request for call <paramref name="n"/> of run <paramref name="run"/> (8 hex digits), and the id ingest stores it under.</summary>
    public static IngestRequest For(string run, int n, string text) => (n % 3) switch
    {
        0 => new IngestRequest($"fault-{run}-{n}", "/v1/calls", HttpStatusCode.Accepted, () => JsonContent.Create(Call($"fault-{run}-{n}", text))),
        1 => new IngestRequest($"fault-{run}-{n}", "/v1/calls/batch", HttpStatusCode.Accepted, () => JsonContent.Create(new[] { Call($"fault-{run}-{n}", text) })),
        _ => Span(run, n, text),
    };

    private static object Call(string id, string text) => new
    {
        id,
        agent = Agent,
        request = new
        {
            messages = new object[]
            {
                new { role = "system", content = Instructions },
                new { role = "user", content = text },
            },
        },
        response = new
        {
            choices = new[] { new { index = 0, message = new { role = "assistant", content = "billing" } } },
        },
    };

    private static IngestRequest Span(string run, int n, string text)
    {
        var traceId = $"{run}{run}{n:x16}";
        var spanId = $"{n:x16}";
        var now = DateTimeOffset.UtcNow;
        var export = new JsonObject
        {
            ["resourceSpans"] = new JsonArray(new JsonObject
            {
                ["resource"] = new JsonObject { ["attributes"] = new JsonArray(Attribute("service.name", Agent)) },
                ["scopeSpans"] = new JsonArray(new JsonObject
                {
                    ["scope"] = new JsonObject { ["name"] = "fault-suite" },
                    ["spans"] = new JsonArray(new JsonObject
                    {
                        ["traceId"] = traceId,
                        ["spanId"] = spanId,
                        ["name"] = "chat gpt-4o-mini",
                        ["kind"] = 3,
                        ["startTimeUnixNano"] = Nanos(now.AddMilliseconds(-300)),
                        ["endTimeUnixNano"] = Nanos(now),
                        ["attributes"] = new JsonArray(
                            Attribute("gen_ai.operation.name", "chat"),
                            Attribute("gen_ai.request.model", "gpt-4o-mini"),
                            Attribute("gen_ai.system_instructions", Parts(null, Instructions)),
                            Attribute("gen_ai.input.messages", Parts("user", text)),
                            Attribute("gen_ai.output.messages", Parts("assistant", "billing"))),
                        ["status"] = new JsonObject { ["code"] = 0 },
                    }),
                }),
            }),
        }.ToJsonString();
        return new IngestRequest($"otel_{traceId}_{spanId}", "/v1/traces", HttpStatusCode.OK, () => new StringContent(export, Encoding.UTF8, "application/json"));
    }

    // The semantic conventions' messages: a JSON array as the attribute's string; instructions are parts alone.
    private static string Parts(string? role, string text)
    {
        var parts = new JsonArray(new JsonObject { ["type"] = "text", ["content"] = text });
        return (role is null ? parts : new JsonArray(new JsonObject { ["role"] = role, ["parts"] = parts })).ToJsonString();
    }

    private static JsonObject Attribute(string key, string value) => new() { ["key"] = key, ["value"] = new JsonObject { ["stringValue"] = value } };

    private static string Nanos(DateTimeOffset time) => ((time - DateTimeOffset.UnixEpoch).Ticks * 100).ToString(CultureInfo.InvariantCulture);
}

/// <summary>One call as ingest receives it: the id it is stored under, where it goes, what accepted looks like, and its body.</summary>
internal sealed record IngestRequest(string Id, string Path, HttpStatusCode Accepted, Func<HttpContent> Body);
