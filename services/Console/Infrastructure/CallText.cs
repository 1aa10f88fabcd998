using System.Globalization;
using System.Text.Json;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>One stand-in within an excerpt: where it sits and the type of the value it replaced.</summary>
public sealed record ExcerptMark(int Start, int Length, string EntityType);

/// <summary>An excerpt of a stored call's text with its stand-ins marked.</summary>
public sealed record MarkedExcerpt(string Text, IReadOnlyList<ExcerptMark> Marks);

/// <summary>What the calls page shows of a stored call: its last user message, and what the scrubber replaced.</summary>
public static class CallText
{
    private const int ExcerptLength = 240;

    /// <summary>
    /// The last <c>user</c> message's text (string content, or its text parts joined) cut to a line's length, with the
    /// call's stand-ins in it marked: those of the request's string values that make up the message, moved to where
    /// each value starts in the excerpt.
    /// </summary>
    public static MarkedExcerpt LastUserMessage(StoredCall call) => LastUserMessage(call.Request, call.StandIns ?? []);

    /// <summary>"EMAIL_ADDRESS 2, PERSON 1", most first; "none" when nothing was replaced.</summary>
    public static string Replacements(IReadOnlyDictionary<string, int> replacements) =>
        replacements.Count == 0 ? "none" : string.Join(", ", replacements.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}"));

    private static MarkedExcerpt LastUserMessage(JsonElement request, IReadOnlyList<StandIn> standIns)
    {
        var parts = UserMessageParts(request);
        var marks = new List<ExcerptMark>();
        var text = new System.Text.StringBuilder();
        foreach (var (path, part) in parts)
        {
            if (text.Length > 0)
            {
                text.Append(' ');
            }

            var offset = text.Length;
            text.Append(part);
            marks.AddRange(standIns.Where(s => s.Document == StandIn.Request && s.Path == path && s.Start + s.Length <= part.Length)
                .Select(s => new ExcerptMark(offset + s.Start, s.Length, s.EntityType)));
        }

        if (text.Length <= ExcerptLength)
        {
            return new MarkedExcerpt(text.ToString(), [.. marks.OrderBy(m => m.Start)]);
        }

        // Cut to a line's length; a stand-in the cut goes through is marked up to the cut.
        return new MarkedExcerpt(
            string.Concat(text.ToString(0, ExcerptLength), "…"),
            [.. marks.Where(m => m.Start < ExcerptLength).OrderBy(m => m.Start)
                .Select(m => m with { Length = Math.Min(m.Length, ExcerptLength - m.Start) })]);
    }

    /// <summary>The last user message's text values, each with its JSON path in the request.</summary>
    private static List<(string Path, string Text)> UserMessageParts(JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object || !request.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var index = -1;
        var i = 0;
        foreach (var message in messages.EnumerateArray())
        {
            if (message.ValueKind == JsonValueKind.Object && message.TryGetProperty("role", out var role) && role.ValueEquals("user"))
            {
                index = i;
            }

            i++;
        }

        if (index < 0 || !messages[index].TryGetProperty("content", out var content))
        {
            return [];
        }

        var contentPath = string.Create(CultureInfo.InvariantCulture, $"$.messages[{index}].content");
        return content.ValueKind switch
        {
            JsonValueKind.String => [(contentPath, content.GetString()!)],
            JsonValueKind.Array => [.. content.EnumerateArray()
                .Select((part, n) => (part, n))
                .Where(p => p.part.ValueKind == JsonValueKind.Object && p.part.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String)
                .Select(p => (string.Create(CultureInfo.InvariantCulture, $"{contentPath}[{p.n}].text"), p.part.GetProperty("text").GetString()!))],
            _ => [],
        };
    }
}
