namespace SlmPlatform.Ingest.UnitTests;

/// <summary>Small, valid call records that each test bends in one way.</summary>
internal static class Records
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    public const string Platform = """
        {
          "id": "call-1",
          "agent": "support-bot",
          "workload": "route-intent",
          "started_at": "2026-11-28T10:15:00Z",
          "latency_ms": 812.5,
          "status": "success",
          "request": {
            "model": "gpt-4o",
            "messages": [
              { "role": "system", "content": "Route the customer's request." },
              { "role": "user", "content": [ { "type": "text", "text": "My card was charged twice" } ] }
            ],
            "tools": [ { "type": "function", "function": { "name": "route", "parameters": { "type": "object" } } } ]
          },
          "response": {
            "id": "chatcmpl-1",
            "choices": [ { "index": 0, "message": { "role": "assistant", "content": "card_payment_duplicate" }, "finish_reason": "stop" } ],
            "usage": { "prompt_tokens": 40, "completion_tokens": 5, "total_tokens": 45 }
          }
        }
        """;

    public const string Flywheel = """
        {
          "timestamp": 1732780800,
          "workload_id": "tool_router",
          "client_id": "customer-service-agent",
          "request": { "model": "meta/llama-3.1-70b-instruct", "messages": [ { "role": "user", "content": "Where is my order?" } ] },
          "response": { "choices": [ { "message": { "role": "assistant", "content": "order_status" } } ] }
        }
        """;

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement;

    /// <summary>The platform record with one top-level field replaced (or removed, when <paramref name="valueJson"/> is null).</summary>
    public static JsonElement PlatformWith(string field, string? valueJson)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Platform)!.AsObject();
        if (valueJson is null)
        {
            node.Remove(field);
        }
        else
        {
            node[field] = System.Text.Json.Nodes.JsonNode.Parse(valueJson);
        }

        return Parse(node.ToJsonString());
    }
}
