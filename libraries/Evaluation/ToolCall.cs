namespace SlmPlatform.Evaluation;

/// <summary>A function call as an answer carries it: the name, and the arguments as a JSON object.</summary>
public sealed record ToolCall(string Name, JsonElement Arguments)
{
    /// <summary>
    /// The tool calls of an OpenAI-style assistant message (<c>tool_calls[].function</c>, arguments as a JSON string or
    /// object); arguments that do not parse become an empty object and never match.
    /// </summary>
    public static IReadOnlyList<ToolCall> FromMessage(JsonElement message)
    {
        if (message.ValueKind != JsonValueKind.Object || !message.TryGetProperty("tool_calls", out var calls) || calls.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var found = new List<ToolCall>();
        foreach (var call in calls.EnumerateArray())
        {
            if (!call.TryGetProperty("function", out var function) || !function.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            var arguments = function.TryGetProperty("arguments", out var raw) ? raw : default;
            var parsed = arguments.ValueKind == JsonValueKind.String ? JsonAnswers.TryParse(arguments.GetString()) : arguments;
            found.Add(new ToolCall(name.GetString()!, parsed is { ValueKind: JsonValueKind.Object } value ? value : Empty));
        }

        return found;
    }

    private static JsonElement Empty { get; } = JsonDocument.Parse("{}").RootElement;
}
