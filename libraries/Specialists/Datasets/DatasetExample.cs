namespace SlmPlatform.Specialists.Datasets;

/// <summary>
/// One curated example: the request's messages and tools, the teacher's answer (an assistant message), the class
/// it is stratified by (its label, the tools it called, or "_"), and the split it belongs to.
/// </summary>
public sealed record DatasetExample(string CallId, JsonElement Messages, JsonElement? Tools, JsonElement Answer, string ClassKey, string? Label, string Split)
{
    public const string Train = "train";
    public const string Validation = "validation";
    public const string Test = "test";

    /// <summary>What the example's input says: the text of every message but the system prompt (constant per task).</summary>
    public string InputText => PromptText.Of(Messages);
}

/// <summary>The text of a chat request's non-system messages, one per line (text parts of multi-part contents joined).</summary>
public static class PromptText
{
    public static string Of(JsonElement messages)
    {
        if (messages.ValueKind != JsonValueKind.Array)
        {
            return string.Empty;
        }

        var lines = new List<string>();
        foreach (var message in messages.EnumerateArray())
        {
            var role = message.TryGetProperty("role", out var r) ? r.GetString() : null;
            if (role is "system" or "developer" || !message.TryGetProperty("content", out var content))
            {
                continue;
            }

            if (Flatten(content) is { Length: > 0 } text)
            {
                lines.Add(text);
            }
        }

        return string.Join('\n', lines);
    }

    /// <summary>A message content as plain text: the string itself, or its text parts joined.</summary>
    public static string? Flatten(JsonElement content) => content.ValueKind switch
    {
        JsonValueKind.String => content.GetString(),
        JsonValueKind.Array => string.Join('\n', content.EnumerateArray()
            .Where(p => p.TryGetProperty("type", out var t) && t.GetString() == "text" && p.TryGetProperty("text", out _))
            .Select(p => p.GetProperty("text").GetString())),
        _ => null,
    };
}
