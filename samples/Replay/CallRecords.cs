using System.Globalization;
using System.Text.Json.Nodes;

namespace SlmPlatform.Replay;

/// <summary>Call records in the platform's ingest format. Replayed calls carry no latency or token usage: the public data has none.</summary>
internal static class CallRecords
{
    // A fixed clock: the same replay always produces the same records (and ids), so replaying again changes nothing.
    private static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static JsonObject Create(string id, string agent, string? workload, int offsetMinutes, JsonObject request, JsonObject message, string finishReason) => new()
    {
        ["id"] = id,
        ["agent"] = agent,
        ["workload"] = workload,
        ["started_at"] = Epoch.AddMinutes(offsetMinutes).ToString("O", CultureInfo.InvariantCulture),
        ["status"] = "success",
        ["request"] = request,
        ["response"] = new JsonObject
        {
            ["id"] = $"chatcmpl-{id}",
            ["object"] = "chat.completion",
            ["model"] = request["model"]?.DeepClone(),
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
        },
    };
}
