using System.Text.Json;

namespace SlmPlatform.Contracts;

/// <summary>
/// What a specialist's answer must be for the gateway to return it: one of the task's labels (in task discovery's
/// <c>key=value</c> form for one-string JSON objects, or the short text itself), JSON, a call of a known function, or any
/// text that is not empty.
/// </summary>
public sealed record OutputCheck(string Kind, IReadOnlyList<string>? Labels = null, IReadOnlyList<string>? Functions = null)
{
    public const string LabelKind = "label";
    public const string JsonKind = "json";
    public const string ToolCallKind = "tool_call";
    public const string TextKind = "text";

    /// <summary>Whether the assistant message (OpenAI shape: <c>content</c>, <c>tool_calls</c>) passes.</summary>
    public bool Passes(JsonElement message)
    {
        var content = message.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()!.Trim() : string.Empty;
        return Kind switch
        {
            LabelKind => Labels is { } labels && LabelOf(content) is { } label && labels.Contains(label, StringComparer.Ordinal),
            JsonKind => ParsesAsObject(content),
            ToolCallKind => CalledFunctions(message) is { Count: > 0 } called && Functions is { } known && called.All(f => known.Contains(f, StringComparer.Ordinal)),
            TextKind => content.Length > 0,
            _ => false,
        };
    }

    /// <summary>A label as task discovery writes it: <c>key=value</c> for a JSON object holding one string, else the text.</summary>
    public static string? LabelOf(string content)
    {
        if (!content.StartsWith('{'))
        {
            return content.Length == 0 ? null : content.ToLowerInvariant();
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var properties = document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.EnumerateObject().ToList() : [];
            return properties is [{ Value.ValueKind: JsonValueKind.String } only] ? $"{only.Name}={only.Value.GetString()}" : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool ParsesAsObject(string content)
    {
        try
        {
            using var document = JsonDocument.Parse(content);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static List<string> CalledFunctions(JsonElement message) =>
        message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array
            ? [.. calls.EnumerateArray().Select(call => call.TryGetProperty("function", out var f) && f.TryGetProperty("name", out var n) ? n.GetString() ?? string.Empty : string.Empty)]
            : [];
}
