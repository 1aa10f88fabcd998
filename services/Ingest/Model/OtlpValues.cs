using System.Globalization;
using System.Text.Json.Nodes;

namespace SlmPlatform.Ingest.Model;

/// <summary>Reading OTLP/HTTP JSON: attribute lists, typed values (64-bit integers come as strings), times, arrays.</summary>
internal static class OtlpValues
{
    /// <summary>OTLP JSON attributes (<c>[{"key": …, "value": {"stringValue": …}}]</c>) by key.</summary>
    public static Dictionary<string, JsonElement> Attributes(JsonElement owner)
    {
        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var attribute in Array(owner, "attributes"))
        {
            if (Text(attribute, "key") is { } key && attribute.TryGetProperty("value", out var value))
            {
                attributes[key] = value;
            }
        }

        return attributes;
    }

    public static string? String(Dictionary<string, JsonElement> attributes, string key) =>
        attributes.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("stringValue", out var text)
            ? text.GetString()
            : null;

    public static long? Integer(Dictionary<string, JsonElement> attributes, string key) =>
        attributes.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("intValue", out var number)
            // OTLP JSON writes 64-bit integers as strings.
            ? number.ValueKind == JsonValueKind.String ? long.Parse(number.GetString()!, CultureInfo.InvariantCulture) : number.GetInt64()
            : null;

    public static void CopyNumber(Dictionary<string, JsonElement> attributes, string key, JsonObject target, string name)
    {
        if (!attributes.TryGetValue(key, out var value) || value.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (value.TryGetProperty("doubleValue", out var real) && real.TryGetDouble(out var d))
        {
            target[name] = d;
        }
        else if (Integer(attributes, key) is { } integer)
        {
            target[name] = integer;
        }
    }

    public static long Nanos(JsonElement span, string name) =>
        span.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? long.Parse(value.GetString()!, CultureInfo.InvariantCulture) : value.GetInt64()
            : 0;

    public static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : Enumerable.Empty<JsonElement>();
}
