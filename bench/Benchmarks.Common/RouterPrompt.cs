namespace SlmPlatform.Benchmarks;

/// <summary>
/// The BANKING77 router call exactly as samples/loop-demo/loop_demo.py sends it through the gateway: a system prompt
/// naming all 77 intents, the customer's message, JSON output asked for. The typical call the figures price.
/// </summary>
public static class RouterPrompt
{
    public const string Agent = "support-agent";

    /// <summary>The 77 intents from banking77/categories.json, in its order (the order the demo joins them in).</summary>
    public static IReadOnlyList<string> Intents(string banking77Folder) =>
        global::System.Text.Json.JsonSerializer.Deserialize<List<string>>(File.ReadAllText(Path.Combine(banking77Folder, "categories.json")))!;

    public static string SystemPrompt(IReadOnlyList<string> intents) =>
        "You route a bank's customer-support messages. Answer with JSON {\"intent\": \"<label>\"}, " +
        "where <label> is exactly one of: " + string.Join(", ", intents) + ".";

    /// <summary>The request body the agent sends (as the demo's Python json.dumps writes it, near enough for sizes).</summary>
    public static byte[] Body(string systemPrompt, string message) => global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new
    {
        model = "gpt-4o",
        response_format = new { type = "json_object" },
        messages = new[] { new { role = "system", content = systemPrompt }, new { role = "user", content = message } },
    });
}
