namespace SlmPlatform.Scrubbing.Quality;

/// <summary>The user and system prompts of the BFCL tool-calling files (JSON lines), as an agent would send them.</summary>
internal static class BfclPrompts
{
    public const string RelativeFolder = "bfcl";

    public static IReadOnlyList<string> Load(string folder)
    {
        var prompts = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "BFCL_*.json").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                using var record = JsonDocument.Parse(line);
                if (record.RootElement.TryGetProperty("question", out var turns))
                {
                    Collect(turns, prompts);
                }
            }
        }

        return prompts;
    }

    // "question" is a list of turns, each a list of messages with a "content" string.
    private static void Collect(JsonElement element, List<string> prompts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, prompts);
                }

                break;
            case JsonValueKind.Object when element.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String:
                prompts.Add(content.GetString()!);
                break;
            default:
                break;
        }
    }
}
