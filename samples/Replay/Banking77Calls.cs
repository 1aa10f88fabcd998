using System.Text.Json.Nodes;

namespace SlmPlatform.Replay;

/// <summary>
/// BANKING77 as an agent's "intent router" call site: a fixed system prompt listing the intents, the customer's
/// message as the user turn, and the teacher's answer <c>{"intent": "&lt;label&gt;"}</c> in JSON mode.
/// </summary>
internal static class Banking77Calls
{
    public const string Agent = "support-agent";
    public const string Workload = "route-intent";

    public static IEnumerable<JsonObject> Read(string folder, string split, bool tagWorkload)
    {
        var intents = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "categories.json")))!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        var system = "You route a bank's customer-support messages. Answer with JSON {\"intent\": \"<label>\"}, " +
                     "where <label> is exactly one of: " + string.Join(", ", intents) + ".";
        var index = 0;
        foreach (var (text, label) in Csv.ReadRows(Path.Combine(folder, $"{split}.csv")).Skip(1).Select(r => (r[0], r[1])))
        {
            yield return CallRecords.Create(
                id: $"banking77-{split}-{index}",
                agent: Agent,
                workload: tagWorkload ? Workload : null,
                offsetMinutes: index++,
                request: new JsonObject
                {
                    ["model"] = "gpt-4o",
                    ["messages"] = new JsonArray(
                        new JsonObject { ["role"] = "system", ["content"] = system },
                        new JsonObject { ["role"] = "user", ["content"] = text }),
                    ["response_format"] = new JsonObject { ["type"] = "json_object" },
                    ["temperature"] = 0,
                },
                message: new JsonObject { ["role"] = "assistant", ["content"] = new JsonObject { ["intent"] = label }.ToJsonString() },
                finishReason: "stop");
        }
    }
}
