using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlmPlatform.Messaging;

/// <summary>
/// Writes a <see cref="JsonElement"/> by copying the bytes it was parsed from, where the built-in converter walks it
/// token by token and writes each again. A captured call's request and response are most of every message the
/// platform publishes, and they are <see cref="JsonElement"/>s that were parsed (so checked) once already.
/// </summary>
public sealed class RawJsonElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonElement.ParseValue(ref reader);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            // No bytes behind it: the built-in behaviour (it refuses) stays.
            value.WriteTo(writer);
            return;
        }

        writer.WriteRawValue(JsonMarshal.GetRawUtf8Value(value), skipInputValidation: true);
    }
}
