namespace SlmPlatform.Specialists.Datasets;

/// <summary>
/// Exports a dataset for fine-tuning elsewhere, one example per line with the request's messages followed by the
/// teacher's answer, and the tools offered:
/// <list type="bullet">
/// <item><c>openai</c>: OpenAI's chat fine-tuning format — messages as recorded, tool-call arguments as JSON strings,
/// <c>tools</c> beside <c>messages</c>;</item>
/// <item><c>hf</c>: Hugging Face's conversational format (TRL, chat templates) — contents flattened to strings,
/// tool-call arguments as JSON objects, <c>tools</c> as the list of function schemas chat templates take.</item>
/// </list>
/// </summary>
public static class DatasetExport
{
    public const string OpenAi = "openai";
    public const string HuggingFace = "hf";

    public static bool IsFormat(string? format) => format is OpenAi or HuggingFace;

    public static async Task WriteAsync(IEnumerable<DatasetExample> examples, string format, Stream stream, string? split, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var hf = format switch
        {
            OpenAi => false,
            HuggingFace => true,
            _ => throw new ArgumentException($"Unknown export format '{format}'.", nameof(format)),
        };
        // Each line is written into a buffer and copied out asynchronously: response streams refuse synchronous writes.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        foreach (var example in examples.Where(e => split is null || e.Split == split))
        {
            cancellationToken.ThrowIfCancellationRequested();
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("messages");
                foreach (var message in example.Messages.EnumerateArray())
                {
                    WriteMessage(writer, message, hf);
                }

                WriteMessage(writer, example.Answer, hf);
                writer.WriteEndArray();
                if (example.Tools is { ValueKind: JsonValueKind.Array } tools && tools.GetArrayLength() > 0)
                {
                    writer.WritePropertyName("tools");
                    tools.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            System.Buffers.BuffersExtensions.Write(buffer, "\n"u8);
            await stream.WriteAsync(buffer.WrittenMemory, cancellationToken);
        }

        await stream.FlushAsync(cancellationToken);
    }

    /// <summary>Role, content, tool calls and the tool-call id/name of tool results; nothing else of the recorded message.</summary>
    private static void WriteMessage(Utf8JsonWriter writer, JsonElement message, bool hf)
    {
        writer.WriteStartObject();
        writer.WriteString("role", message.GetProperty("role").GetString());
        var hasContent = message.TryGetProperty("content", out var content) && content.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);
        if (hf)
        {
            writer.WriteString("content", hasContent ? PromptText.Flatten(content) ?? string.Empty : string.Empty);
        }
        else if (hasContent)
        {
            writer.WritePropertyName("content");
            content.WriteTo(writer);
        }
        else
        {
            writer.WriteNull("content");
        }

        foreach (var name in new[] { "tool_call_id", "name" })
        {
            if (message.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
            {
                writer.WriteString(name, value.GetString());
            }
        }

        if (message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array && calls.GetArrayLength() > 0)
        {
            writer.WriteStartArray("tool_calls");
            foreach (var call in calls.EnumerateArray())
            {
                WriteToolCall(writer, call, hf);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void WriteToolCall(Utf8JsonWriter writer, JsonElement call, bool hf)
    {
        var function = call.GetProperty("function");
        var arguments = function.GetProperty("arguments");
        writer.WriteStartObject();
        if (call.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            writer.WriteString("id", id.GetString());
        }

        writer.WriteString("type", "function");
        writer.WriteStartObject("function");
        writer.WriteString("name", function.GetProperty("name").GetString());
        if (hf)
        {
            // Chat templates render arguments as an object.
            writer.WritePropertyName("arguments");
            if (arguments.ValueKind == JsonValueKind.String)
            {
                using var parsed = JsonDocument.Parse(arguments.GetString()!);
                parsed.RootElement.WriteTo(writer);
            }
            else
            {
                arguments.WriteTo(writer);
            }
        }
        else
        {
            // OpenAI's format carries arguments as a JSON string.
            writer.WriteString("arguments", arguments.ValueKind == JsonValueKind.String ? arguments.GetString() : arguments.GetRawText());
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
