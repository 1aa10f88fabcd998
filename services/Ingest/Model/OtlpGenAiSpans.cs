using System.Globalization;
using System.Text.Json.Nodes;

namespace SlmPlatform.Ingest.Model;

/// <summary>Why a span of an export made no call.</summary>
public static class OtlpSkip
{
    public const string NotChat = "not a GenAI chat span";
    public const string NoContent = "gen_ai.input.messages is missing: the instrumentation must capture message content";
}

/// <summary>A span of an OTLP export: the call record made from it, or why it was passed over.</summary>
public sealed record GenAiSpan(string SpanId, JsonObject? Record, string? Skipped);

/// <summary>
/// Turns the GenAI chat spans of an OTLP/HTTP JSON trace export (OpenTelemetry's <c>gen_ai.*</c> semantic
/// conventions, with message content captured) into call records in the platform's own format, so that agents already
/// instrumented with OpenTelemetry need no code change. Other spans are passed over.
/// </summary>
public static class OtlpGenAiSpans
{
    private static readonly HashSet<string> ChatOperations = new(StringComparer.Ordinal) { "chat", "generate_content", "text_completion" };

    public static IEnumerable<GenAiSpan> Read(JsonElement export)
    {
        foreach (var resourceSpans in OtlpValues.Array(export, "resourceSpans"))
        {
            var resource = OtlpValues.Attributes(resourceSpans.TryGetProperty("resource", out var r) ? r : default);
            foreach (var scopeSpans in OtlpValues.Array(resourceSpans, "scopeSpans"))
            {
                foreach (var span in OtlpValues.Array(scopeSpans, "spans"))
                {
                    yield return ReadSpan(span, resource);
                }
            }
        }
    }

    private static GenAiSpan ReadSpan(JsonElement span, Dictionary<string, JsonElement> resource)
    {
        var spanId = OtlpValues.Text(span, "spanId") ?? string.Empty;
        var attributes = OtlpValues.Attributes(span);
        if (OtlpValues.String(attributes, "gen_ai.operation.name") is not { } operation || !ChatOperations.Contains(operation))
        {
            return new GenAiSpan(spanId, null, OtlpSkip.NotChat);
        }

        var input = ParseJson(OtlpValues.String(attributes, "gen_ai.input.messages"));
        if (input is not JsonArray inputMessages)
        {
            return new GenAiSpan(spanId, null, OtlpSkip.NoContent);
        }

        var messages = new JsonArray();
        if (ParseJson(OtlpValues.String(attributes, "gen_ai.system_instructions")) is JsonArray instructions)
        {
            messages.Add(new JsonObject { ["role"] = "system", ["content"] = Content(instructions) });
        }

        foreach (var message in inputMessages.OfType<JsonObject>())
        {
            foreach (var converted in ToOpenAi(message))
            {
                messages.Add(converted);
            }
        }

        var start = OtlpValues.Nanos(span, "startTimeUnixNano");
        var end = OtlpValues.Nanos(span, "endTimeUnixNano");
        var failed = span.TryGetProperty("status", out var status) && status.TryGetProperty("code", out var code)
            && (code.ValueKind == JsonValueKind.Number ? code.GetInt32() == 2 : code.GetString() == "STATUS_CODE_ERROR");

        var record = new JsonObject
        {
            ["id"] = $"otel_{OtlpValues.Text(span, "traceId")}_{spanId}",
            ["agent"] = OtlpValues.String(attributes, "gen_ai.agent.name") ?? OtlpValues.String(attributes, "slm.agent") ?? OtlpValues.String(resource, "service.name") ?? "default",
            ["workload"] = OtlpValues.String(attributes, "slm.workload"),
            ["started_at"] = DateTimeOffset.UnixEpoch.AddTicks(start / 100).ToString("O", CultureInfo.InvariantCulture),
            ["latency_ms"] = Math.Max(0, end - start) / 1_000_000.0,
            ["status"] = failed ? "error" : "success",
            ["request"] = Request(attributes, messages),
            ["response"] = Response(attributes),
        };
        return new GenAiSpan(spanId, record, null);
    }

    private static JsonObject Request(Dictionary<string, JsonElement> attributes, JsonArray messages)
    {
        var request = new JsonObject { ["model"] = OtlpValues.String(attributes, "gen_ai.request.model"), ["messages"] = messages };
        OtlpValues.CopyNumber(attributes, "gen_ai.request.temperature", request, "temperature");
        OtlpValues.CopyNumber(attributes, "gen_ai.request.top_p", request, "top_p");
        OtlpValues.CopyNumber(attributes, "gen_ai.request.max_tokens", request, "max_tokens");
        if (ParseJson(OtlpValues.String(attributes, "gen_ai.tool.definitions")) is JsonArray tools)
        {
            request["tools"] = new JsonArray([.. tools.OfType<JsonObject>().Select(ToolDefinition)]);
        }

        return request;
    }

    private static JsonObject Response(Dictionary<string, JsonElement> attributes)
    {
        var choices = new JsonArray();
        var output = ParseJson(OtlpValues.String(attributes, "gen_ai.output.messages")) as JsonArray ?? [];
        foreach (var message in output.OfType<JsonObject>())
        {
            choices.Add(new JsonObject
            {
                ["index"] = choices.Count,
                ["message"] = ToOpenAi(message).FirstOrDefault() ?? new JsonObject { ["role"] = "assistant", ["content"] = null },
                ["finish_reason"] = message["finish_reason"]?.GetValue<string>() ?? "stop",
            });
        }

        var response = new JsonObject
        {
            ["id"] = OtlpValues.String(attributes, "gen_ai.response.id"),
            ["object"] = "chat.completion",
            ["model"] = OtlpValues.String(attributes, "gen_ai.response.model") ?? OtlpValues.String(attributes, "gen_ai.request.model"),
            ["choices"] = choices,
        };

        var input = OtlpValues.Integer(attributes, "gen_ai.usage.input_tokens");
        var outputTokens = OtlpValues.Integer(attributes, "gen_ai.usage.output_tokens");
        if (input is not null || outputTokens is not null)
        {
            response["usage"] = new JsonObject
            {
                ["prompt_tokens"] = input,
                ["completion_tokens"] = outputTokens,
                ["total_tokens"] = (input ?? 0) + (outputTokens ?? 0),
            };
        }

        return response;
    }

    /// <summary>A semantic-conventions message (role + parts) as OpenAI messages: tool results become one message each.</summary>
    private static IEnumerable<JsonObject> ToOpenAi(JsonObject message)
    {
        var role = message["role"]?.GetValue<string>() ?? "user";
        var parts = message["parts"] as JsonArray ?? [];
        if (role == "tool")
        {
            foreach (var result in parts.OfType<JsonObject>().Where(p => Type(p) == "tool_call_response"))
            {
                yield return new JsonObject { ["role"] = "tool", ["tool_call_id"] = result["id"]?.DeepClone(), ["content"] = AsText(result["response"]) };
            }

            yield break;
        }

        var converted = new JsonObject { ["role"] = role };
        var calls = parts.OfType<JsonObject>().Where(p => Type(p) == "tool_call").ToList();
        var content = Content(new JsonArray([.. parts.OfType<JsonObject>().Where(p => Type(p) != "tool_call").Select(p => p.DeepClone())]));
        converted["content"] = content is JsonValue value && value.GetValue<string>().Length == 0 && calls.Count > 0 ? null : content;
        if (calls.Count > 0)
        {
            converted["tool_calls"] = new JsonArray([.. calls.Select(call => new JsonObject
            {
                ["id"] = call["id"]?.DeepClone(),
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = call["name"]?.DeepClone(), ["arguments"] = AsText(call["arguments"]) ?? "{}" },
            })]);
        }

        yield return converted;
    }

    /// <summary>Text parts only: one string. Anything else: OpenAI's array of text parts, other kinds as they came.</summary>
    private static JsonNode? Content(JsonArray parts)
    {
        var objects = parts.OfType<JsonObject>().ToList();
        if (objects.All(p => Type(p) == "text"))
        {
            return string.Concat(objects.Select(p => p["content"]?.GetValue<string>()));
        }

        return new JsonArray([.. objects.Select(p => Type(p) == "text"
            ? new JsonObject { ["type"] = "text", ["text"] = p["content"]?.DeepClone() }
            : p.DeepClone())]);
    }

    private static JsonObject ToolDefinition(JsonObject tool) => tool["function"] is JsonObject
        ? (JsonObject)tool.DeepClone()
        : new JsonObject
        {
            ["type"] = "function",
            ["function"] = new JsonObject
            {
                ["name"] = tool["name"]?.DeepClone(),
                ["description"] = tool["description"]?.DeepClone(),
                ["parameters"] = tool["parameters"]?.DeepClone(),
            },
        };

    private static string? Type(JsonObject part) => part["type"]?.GetValue<string>();

    private static string? AsText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => node.ToJsonString(),
    };

    private static JsonNode? ParseJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            // A value nested deeper than calls may be stays text rather than making the whole record unacceptable.
            return JsonNode.Parse(json, documentOptions: CallPayload.DocumentOptions);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
