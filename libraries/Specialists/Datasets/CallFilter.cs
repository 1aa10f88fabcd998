namespace SlmPlatform.Specialists.Datasets;

/// <summary>Why a call was left out of a dataset.</summary>
public static class DropReasons
{
    public const string Errored = "errored";
    public const string NoAnswer = "no_answer";
    public const string InvalidJson = "invalid_json";
    public const string UnknownTool = "unknown_tool";
    public const string InvalidToolArguments = "invalid_tool_arguments";
    public const string ExactDuplicate = "exact_duplicate";
    public const string NearDuplicate = "near_duplicate";
}

/// <summary>
/// Keeps only calls a specialist should learn from: the call succeeded, the teacher answered, a JSON task's answer
/// parses, and every tool call names a function the request offered, with arguments that parse as a JSON object.
/// </summary>
public static class CallFilter
{
    /// <summary>The assistant message of the response, or null with the reason it is unusable.</summary>
    public static (JsonElement? Answer, string? DropReason) Check(SourceCall call, string outputKind)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!string.Equals(call.Status, "success", StringComparison.OrdinalIgnoreCase))
        {
            return (null, DropReasons.Errored);
        }

        if (call.Response.ValueKind != JsonValueKind.Object
            || !call.Response.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array || choices.GetArrayLength() == 0
            || !choices[0].TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
        {
            return (null, DropReasons.NoAnswer);
        }

        var toolCalls = message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array && calls.GetArrayLength() > 0 ? calls : (JsonElement?)null;
        var content = message.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (toolCalls is { } tools)
        {
            var offered = OfferedFunctions(call.Tools);
            foreach (var toolCall in tools.EnumerateArray())
            {
                if (!toolCall.TryGetProperty("function", out var function) || !function.TryGetProperty("name", out var name)
                    || name.GetString() is not { } functionName || !offered.Contains(functionName))
                {
                    return (null, DropReasons.UnknownTool);
                }

                if (!function.TryGetProperty("arguments", out var arguments) || !IsJsonObject(arguments))
                {
                    return (null, DropReasons.InvalidToolArguments);
                }
            }

            return (message, null);
        }

        if (string.IsNullOrWhiteSpace(content))
        {
            return (null, DropReasons.NoAnswer);
        }

        return outputKind == "json" && !Parses(content) ? (null, DropReasons.InvalidJson) : (message, null);
    }

    private static HashSet<string> OfferedFunctions(JsonElement? tools)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (tools is { ValueKind: JsonValueKind.Array } list)
        {
            foreach (var tool in list.EnumerateArray())
            {
                if (tool.TryGetProperty("function", out var function) && function.TryGetProperty("name", out var name) && name.GetString() is { } n)
                {
                    names.Add(n);
                }
            }
        }

        return names;
    }

    /// <summary>OpenAI sends arguments as a JSON string holding an object; some recorders keep the object itself.</summary>
    private static bool IsJsonObject(JsonElement arguments) => arguments.ValueKind switch
    {
        JsonValueKind.Object => true,
        JsonValueKind.String => arguments.GetString() is { } text && Parses(text, out var kind) && kind == JsonValueKind.Object,
        _ => false,
    };

    private static bool Parses(string text) => Parses(text, out _);

    private static bool Parses(string text, out JsonValueKind kind)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            kind = document.RootElement.ValueKind;
            return true;
        }
        catch (JsonException)
        {
            kind = JsonValueKind.Undefined;
            return false;
        }
    }
}
