using System.Buffers;

namespace SlmPlatform.Gateway.Infrastructure;

/// <summary>The small part of the SSE wire format the relay needs: lines, <c>data:</c> payloads, usage-only events.</summary>
internal static class ServerSentEvents
{
    private static ReadOnlySpan<byte> DataPrefix => "data:"u8;

    public static ReadOnlySpan<byte> Done => "[DONE]"u8;

    /// <summary>Takes one line (without its line break) off the front of <paramref name="buffer"/>.</summary>
    public static bool TryReadLine(ref ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> line)
    {
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out line, (byte)'\n'))
        {
            return false;
        }

        buffer = buffer.Slice(reader.Position);
        if (line.Length > 0 && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r')
        {
            line = line.Slice(0, line.Length - 1);
        }

        return true;
    }

    /// <summary>The payload of a <c>data:</c> line, or false for other lines (comments, <c>event:</c>, <c>id:</c>).</summary>
    public static bool TryGetData(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> payload)
    {
        if (!line.StartsWith(DataPrefix))
        {
            payload = default;
            return false;
        }

        payload = line[DataPrefix.Length..].TrimStart((byte)' ');
        return true;
    }

    /// <summary>
    /// True for the extra event that <c>stream_options.include_usage</c> adds at the end of a stream: no choices,
    /// only usage.
    /// </summary>
    public static bool IsUsageOnly(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isChoices = reader.ValueTextEquals("choices"u8);
                reader.Read();
                if (isChoices)
                {
                    return reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.EndArray;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Not JSON: certainly not a usage event.
        }

        return false;
    }
}
