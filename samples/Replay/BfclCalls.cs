using System.Text.Json;
using System.Text.Json.Nodes;

namespace SlmPlatform.Replay;

/// <summary>
/// BFCL as a tool-calling agent: each question with its functions as OpenAI <c>tools</c>, and the ground truth (the
/// first acceptable value of each argument) as the teacher's tool calls.
/// </summary>
internal static class BfclCalls
{
    public const string Agent = "tool-agent";
    public const string Workload = "call-tools";
    public static readonly string[] Categories = ["simple_python", "multiple", "parallel", "parallel_multiple", "live_simple"];

    public static IEnumerable<JsonObject> Read(string folder, bool tagWorkload)
    {
        var index = 0;
        foreach (var category in Categories)
        {
            var questions = Path.Combine(folder, $"BFCL_v4_{category}.json");
            var answers = Path.Combine(folder, "possible_answer", $"BFCL_v4_{category}.json");
            if (!File.Exists(questions) || !File.Exists(answers))
            {
                continue;
            }

            var truth = File.ReadLines(answers).Select(l => JsonNode.Parse(l)!.AsObject())
                .ToDictionary(a => a["id"]!.GetValue<string>(), a => a["ground_truth"]!.AsArray());
            foreach (var line in File.ReadLines(questions))
            {
                var question = JsonNode.Parse(line)!.AsObject();
                var id = question["id"]!.GetValue<string>();
                if (!truth.TryGetValue(id, out var calls))
                {
                    continue;
                }

                yield return CallRecords.Create(
                    id: $"bfcl-{id}",
                    agent: Agent,
                    workload: tagWorkload ? Workload : null,
                    offsetMinutes: index++,
                    request: new JsonObject
                    {
                        ["model"] = "gpt-4o",
                        ["messages"] = new JsonArray([.. question["question"]!.AsArray()[0]!.AsArray().Select(m => m!.DeepClone())]),
                        ["tools"] = new JsonArray([.. question["function"]!.AsArray().Select(f => Tool(f!.AsObject()))]),
                    },
                    message: new JsonObject
                    {
                        ["role"] = "assistant",
                        ["content"] = null,
                        ["tool_calls"] = new JsonArray([.. calls.Select((call, i) => ToolCall(call!.AsObject(), $"call_{id}_{i}"))]),
                    },
                    finishReason: "tool_calls");
            }
        }
    }

    private static JsonObject Tool(JsonObject function) => new()
    {
        ["type"] = "function",
        ["function"] = new JsonObject
        {
            ["name"] = function["name"]!.DeepClone(),
            ["description"] = function["description"]?.DeepClone(),
            ["parameters"] = BfclSchema.ToJsonSchema(function["parameters"]),
        },
    };

    private static JsonObject ToolCall(JsonObject call, string id)
    {
        var (name, arguments) = call.Single();
        var chosen = new JsonObject();
        foreach (var (argument, acceptable) in arguments!.AsObject())
        {
            // The first acceptable value is the answer; "" means "may be left out".
            if (acceptable is JsonArray { Count: > 0 } values && !(values[0] is JsonValue v && v.TryGetValue<string>(out var text) && text.Length == 0))
            {
                chosen[argument] = values[0]!.DeepClone();
            }
        }

        return new JsonObject
        {
            ["id"] = id,
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name, ["arguments"] = chosen.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) },
        };
    }
}
