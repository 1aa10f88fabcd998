using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SlmPlatform.Scrubber.Model;

/// <summary>Reads a scrubbed call's facts for task discovery (see <see cref="CallFacts"/>).</summary>
public static class CallFactsExtractor
{
    private const int MaxLabelLength = 64;
    private const int MaxLabelWords = 4;

    public static CallFacts Extract(JsonNode? request, JsonNode? response, double? latencyMs)
    {
        var messages = request?["messages"] as JsonArray ?? [];
        var system = string.Join('\n', messages.OfType<JsonObject>()
            .Where(m => (string?)m["role"] is "system" or "developer")
            .Select(m => Text(m["content"])));
        var tools = (request?["tools"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(t => (string?)t["function"]?["name"]).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var message = response?["choices"]?[0]?["message"] as JsonObject;
        var (kind, label) = Output(message, request?["response_format"]);
        var usage = response?["usage"];
        var promptTokens = Int(usage?["prompt_tokens"]);
        var completionTokens = Int(usage?["completion_tokens"]);
        var estimated = promptTokens is null && completionTokens is null;
        var lastUser = messages.OfType<JsonObject>().LastOrDefault(m => (string?)m["role"] == "user") is { } user ? Text(user["content"]) : null;

        return new CallFacts(
            (string?)response?["model"] ?? (string?)request?["model"],
            estimated ? TokenEstimate.Prompt(messages, request?["tools"] as JsonArray) : promptTokens,
            estimated ? TokenEstimate.Completion(message) : completionTokens,
            latencyMs,
            kind,
            label,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(system)))[..16],
            tools,
            lastUser is null ? null : Truncate(lastUser, CallFacts.MaxRequestTextLength),
            system.Length == 0 ? null : Truncate(system, CallFacts.MaxSystemPromptLength),
            TokensEstimated: estimated);
    }

    private static (string Kind, string? Label) Output(JsonObject? message, JsonNode? responseFormat)
    {
        if (message?["tool_calls"] is JsonArray { Count: > 0 } calls)
        {
            return (OutputKinds.ToolCall, string.Join('+', calls.Select(c => (string?)c?["function"]?["name"]).OfType<string>()));
        }

        var content = Text(message?["content"]).Trim();
        if (TryParseObject(content) is { } json)
        {
            // {"intent": "card_arrival"}: the one short string is the label.
            var label = json.Count == 1 && json.First().Value is JsonValue value && value.TryGetValue<string>(out var text) && IsLabel(text)
                ? $"{json.First().Key}={text}"
                : null;
            return (OutputKinds.Json, label);
        }

        return (responseFormat is not null && (string?)responseFormat["type"] is "json_object" or "json_schema" ? OutputKinds.Json : OutputKinds.Text,
            IsLabel(content) ? content.ToLowerInvariant() : null);
    }

    // Never cuts a surrogate pair in half: the text must stay valid UTF-16 for the JSON it travels in.
    private static string Truncate(string text, int length) =>
        text.Length <= length ? text : text[..(char.IsHighSurrogate(text[length - 1]) ? length - 1 : length)];

    private static bool IsLabel(string text) =>
        text.Length is > 0 and <= MaxLabelLength && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= MaxLabelWords;

    private static JsonObject? TryParseObject(string content)
    {
        if (!content.StartsWith('{'))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(content) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonNode? content) => content switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray parts => string.Concat(parts.OfType<JsonObject>().Select(p => (string?)p["text"] ?? string.Empty)),
        _ => string.Empty,
    };

    private static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var number) ? number : null;
}
