using System.Text.Json;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>What the calls page shows of a stored call: its last user message, and what the scrubber replaced.</summary>
public static class CallText
{
    private const int ExcerptLength = 240;

    /// <summary>The last <c>user</c> message's text (string content, or its text parts), cut to a line's length.</summary>
    public static string LastUserMessage(JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return "";
        }

        var last = messages.EnumerateArray()
            .LastOrDefault(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("role", out var role) && role.ValueEquals("user"));
        if (last.ValueKind != JsonValueKind.Object || !last.TryGetProperty("content", out var content))
        {
            return "";
        }

        var text = content.ValueKind switch
        {
            JsonValueKind.String => content.GetString()!,
            JsonValueKind.Array => string.Join(" ", content.EnumerateArray()
                .Where(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                .Select(p => p.GetProperty("text").GetString())),
            _ => "",
        };
        return text.Length <= ExcerptLength ? text : string.Concat(text.AsSpan(0, ExcerptLength), "…");
    }

    /// <summary>"EMAIL_ADDRESS 2, PERSON 1", most first; "none" when nothing was replaced.</summary>
    public static string Replacements(IReadOnlyDictionary<string, int> replacements) =>
        replacements.Count == 0 ? "none" : string.Join(", ", replacements.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));
}
