using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlmPlatform.Messaging;

/// <summary>
/// Writes a <see cref="JsonElement"/> by copying the bytes it was parsed from, where the built-in converter walks it
/// token by token and writes each again. A captured call's request and response are most of every message the
/// platform publishes, and they are <see cref="JsonElement"/>s that were parsed (so checked) once already. The
/// writer's depth limit still holds: a value nested deeper than the bus allows is refused as the built-in refuses it.
/// </summary>
public sealed class RawJsonElementConverter : JsonConverter<JsonElement>
{
    // What Utf8JsonWriter and JsonSerializer allow when their options name no depth.
    private const int DefaultWriterMaxDepth = 1000;
    private const int DefaultSerializerMaxDepth = 64;

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

        var raw = JsonMarshal.GetRawUtf8Value(value);
        ArgumentNullException.ThrowIfNull(options);
        var maxDepth = Math.Min(
            writer.Options.MaxDepth == 0 ? DefaultWriterMaxDepth : writer.Options.MaxDepth,
            options.MaxDepth == 0 ? DefaultSerializerMaxDepth : options.MaxDepth);
        var allowed = maxDepth - writer.CurrentDepth;
        if (raw.Count((byte)'[') + raw.Count((byte)'{') > allowed && Depth(raw) > allowed)
        {
            throw new InvalidOperationException($"A JSON value nested deeper than the maximum allowed depth of {maxDepth} cannot be written.");
        }

        writer.WriteRawValue(raw, skipInputValidation: true);
    }

    /// <summary>How many arrays and objects deep the (valid) JSON goes, brackets inside strings not counted.</summary>
    private static int Depth(ReadOnlySpan<byte> json)
    {
        var (depth, deepest, inString) = (0, 0, false);
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                if (b == (byte)'\\')
                {
                    i++;
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            else if (b is (byte)'[' or (byte)'{')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (b is (byte)']' or (byte)'}')
            {
                depth--;
            }
        }

        return deepest;
    }
}
