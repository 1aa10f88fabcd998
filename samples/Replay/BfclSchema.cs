using System.Text.Json.Nodes;

namespace SlmPlatform.Replay;

/// <summary>BFCL writes parameter types with Python's names; OpenAI tools want JSON Schema.</summary>
internal static class BfclSchema
{
    public static JsonNode? ToJsonSchema(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                var converted = new JsonObject();
                foreach (var (key, value) in schema)
                {
                    if (key == "type" && value is JsonValue type && type.TryGetValue<string>(out var name))
                    {
                        if (JsonType(name) is { } mapped)
                        {
                            converted["type"] = mapped;
                        }

                        continue;
                    }

                    converted[key] = key == "properties" && value is JsonObject properties
                        ? new JsonObject([.. properties.Select(p => KeyValuePair.Create(p.Key, ToJsonSchema(p.Value)))])
                        : ToJsonSchema(value);
                }

                return converted;
            case JsonArray array:
                return new JsonArray([.. array.Select(ToJsonSchema)]);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>JSON Schema's name for a BFCL type; null for <c>any</c>, which JSON Schema says by leaving the type out.</summary>
    public static string? JsonType(string bfclType) => bfclType switch
    {
        "dict" => "object",
        "float" => "number",
        "tuple" => "array",
        "any" => null,
        _ => bfclType,
    };
}
