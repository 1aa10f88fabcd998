using System.Collections.Frozen;
using System.Text.Json.Nodes;

namespace SlmPlatform.Scrubbing;

/// <summary>Fields of chat-completion payloads that hold protocol values, never user text.</summary>
/// <remarks>
/// They are skipped so that ids, model names and timestamps reach storage exactly as sent (a 10-digit "created"
/// could otherwise read as a phone number). A message's own "name" is a person's name and is scrubbed; only the
/// name of a function (in tools, tool_calls, function_call or the Responses API's function items) is kept.
/// </remarks>
internal static class StructuralFields
{
    private static readonly FrozenSet<string> Keys = FrozenSet.Create(
        StringComparer.Ordinal,
        "role", "type", "model", "object", "finish_reason", "id", "tool_call_id", "system_fingerprint", "service_tier", "created");

    public static bool IsStructural(JsonObject owner, string propertyName, string? ownerKey) =>
        Keys.Contains(propertyName) || (propertyName == "name" && IsFunction(owner, ownerKey));

    private static bool IsFunction(JsonObject owner, string? ownerKey) =>
        ownerKey is "function" or "function_call" or "functions"
        || (owner["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind is "function" or "function_call");
}
