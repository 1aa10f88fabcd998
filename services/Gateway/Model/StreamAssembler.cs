using System.Buffers;
using System.Text;

namespace SlmPlatform.Gateway.Model;

/// <summary>
/// Rebuilds the <c>chat.completion</c> object a client would have got without streaming, from the
/// <c>chat.completion.chunk</c> events of a stream: content and tool-call arguments concatenated in order, per choice
/// and tool-call index, with the finish reason and the usage event.
/// </summary>
public static class StreamAssembler
{
    public static byte[] Assemble(IEnumerable<JsonElement> chunks)
    {
        string? id = null, model = null, fingerprint = null;
        long? created = null;
        JsonElement? usage = null;
        var choices = new SortedDictionary<int, ChoiceState>();

        foreach (var chunk in chunks)
        {
            id ??= String(chunk, "id");
            model ??= String(chunk, "model");
            fingerprint ??= String(chunk, "system_fingerprint");
            created ??= chunk.TryGetProperty("created", out var c) && c.TryGetInt64(out var seconds) ? seconds : null;
            if (chunk.TryGetProperty("usage", out var u) && u.ValueKind == JsonValueKind.Object)
            {
                usage = u.Clone();
            }

            if (!chunk.TryGetProperty("choices", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            foreach (var choice in list.EnumerateArray())
            {
                var index = choice.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : 0;
                if (!choices.TryGetValue(index, out var state))
                {
                    choices[index] = state = new ChoiceState();
                }

                state.Add(choice);
            }
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteIfPresent(writer, "id", id);
            writer.WriteString("object", "chat.completion");
            if (created is { } time)
            {
                writer.WriteNumber("created", time);
            }

            WriteIfPresent(writer, "model", model);
            WriteIfPresent(writer, "system_fingerprint", fingerprint);
            writer.WriteStartArray("choices");
            foreach (var (index, state) in choices)
            {
                state.Write(writer, index);
            }

            writer.WriteEndArray();
            if (usage is { } totals)
            {
                writer.WritePropertyName("usage");
                totals.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    private sealed class ChoiceState
    {
        private readonly StringBuilder _content = new();
        private readonly StringBuilder _refusal = new();
        private readonly SortedDictionary<int, ToolCallState> _toolCalls = [];
        private string _role = "assistant";
        private string? _finishReason;
        private bool _hasContent;
        private bool _hasRefusal;

        public void Add(JsonElement choice)
        {
            if (choice.TryGetProperty("finish_reason", out var finish) && finish.ValueKind == JsonValueKind.String)
            {
                _finishReason = finish.GetString();
            }

            if (!choice.TryGetProperty("delta", out var delta) || delta.ValueKind != JsonValueKind.Object)
            {
                return;
            }

            if (String(delta, "role") is { } role)
            {
                _role = role;
            }

            if (String(delta, "content") is { } content)
            {
                _content.Append(content);
                _hasContent = true;
            }

            if (String(delta, "refusal") is { } refusal)
            {
                _refusal.Append(refusal);
                _hasRefusal = true;
            }

            if (delta.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
            {
                foreach (var call in calls.EnumerateArray())
                {
                    var index = call.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : _toolCalls.Count;
                    if (!_toolCalls.TryGetValue(index, out var state))
                    {
                        _toolCalls[index] = state = new ToolCallState();
                    }

                    state.Add(call);
                }
            }
        }

        public void Write(Utf8JsonWriter writer, int index)
        {
            writer.WriteStartObject();
            writer.WriteNumber("index", index);
            writer.WriteStartObject("message");
            writer.WriteString("role", _role);
            if (_hasContent)
            {
                writer.WriteString("content", _content.ToString());
            }
            else
            {
                writer.WriteNull("content");
            }

            if (_hasRefusal)
            {
                writer.WriteString("refusal", _refusal.ToString());
            }

            if (_toolCalls.Count > 0)
            {
                writer.WriteStartArray("tool_calls");
                foreach (var call in _toolCalls.Values)
                {
                    call.Write(writer);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            if (_finishReason is null)
            {
                writer.WriteNull("finish_reason");
            }
            else
            {
                writer.WriteString("finish_reason", _finishReason);
            }

            writer.WriteEndObject();
        }
    }

    private sealed class ToolCallState
    {
        private readonly StringBuilder _name = new();
        private readonly StringBuilder _arguments = new();
        private string? _id;
        private string _type = "function";

        public void Add(JsonElement call)
        {
            _id ??= String(call, "id");
            _type = String(call, "type") ?? _type;
            if (call.TryGetProperty("function", out var function) && function.ValueKind == JsonValueKind.Object)
            {
                _name.Append(String(function, "name"));
                _arguments.Append(String(function, "arguments"));
            }
        }

        public void Write(Utf8JsonWriter writer)
        {
            writer.WriteStartObject();
            if (_id is not null)
            {
                writer.WriteString("id", _id);
            }

            writer.WriteString("type", _type);
            writer.WriteStartObject("function");
            writer.WriteString("name", _name.ToString());
            writer.WriteString("arguments", _arguments.ToString());
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }
}
