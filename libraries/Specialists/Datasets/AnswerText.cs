namespace SlmPlatform.Specialists.Datasets;

/// <summary>
/// The text a generative specialist learns to emit for a teacher's answer (an assistant message): its content as the
/// teacher wrote it (plain text, or JSON kept character for character, since exact match and the caller's parser see
/// those characters), or, for an answer that only calls tools, the calls as compact JSON
/// <c>[{"name": …, "arguments": {…}}]</c>.
/// </summary>
public static class AnswerText
{
    public static string Of(JsonElement answer)
    {
        if (answer.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        if (answer.TryGetProperty("content", out var content) && PromptText.Flatten(content) is { Length: > 0 } text)
        {
            return text;
        }

        if (!answer.TryGetProperty("tool_calls", out var calls) || calls.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var rendered = calls.EnumerateArray()
            .Where(c => c.TryGetProperty("function", out _))
            .Select(c => c.GetProperty("function"))
            .Select(f => new Dictionary<string, object?>
            {
                ["name"] = f.TryGetProperty("name", out var name) ? name.GetString() : null,
                ["arguments"] = Arguments(f),
            });
        return JsonSerializer.Serialize(rendered);
    }

    // OpenAI sends arguments as a JSON string; parsed, they render the same whatever the teacher's spacing.
    private static object? Arguments(JsonElement function)
    {
        if (!function.TryGetProperty("arguments", out var arguments))
        {
            return null;
        }

        if (arguments.ValueKind != JsonValueKind.String)
        {
            return arguments;
        }

        try
        {
            using var document = JsonDocument.Parse(arguments.GetString()!);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return arguments.GetString();
        }
    }
}
