namespace SlmPlatform.Specialists.Encoder.Onnx;

/// <summary>One field of a protocol-buffers message: its number, and either a varint value or a length-delimited
/// payload (a nested message, a string, packed numbers or raw bytes).</summary>
internal readonly record struct ProtobufField(int Number, ulong Varint, ReadOnlyMemory<byte> Bytes);

/// <summary>
/// The protocol-buffers wire format, only as far as reading an ONNX model's graph needs: varints, fixed 32/64-bit
/// values and length-delimited fields. ONNX files are read without the ONNX or protobuf packages: the graph's
/// initializers and node wiring are all the encoder needs, and a reader this size is easier to trust than a schema
/// compiler in the build.
/// </summary>
internal static class ProtobufFields
{
    public static IEnumerable<ProtobufField> Read(ReadOnlyMemory<byte> message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = ReadVarint(message.Span, ref position);
            var number = (int)(key >> 3);
            switch (key & 7)
            {
                case 0:
                    yield return new ProtobufField(number, ReadVarint(message.Span, ref position), ReadOnlyMemory<byte>.Empty);
                    break;
                case 1:
                    yield return new ProtobufField(number, 0, Take(message, ref position, 8));
                    break;
                case 2:
                    var length = checked((int)ReadVarint(message.Span, ref position));
                    yield return new ProtobufField(number, 0, Take(message, ref position, length));
                    break;
                case 5:
                    yield return new ProtobufField(number, 0, Take(message, ref position, 4));
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type {key & 7} at byte {position}.");
            }
        }
    }

    /// <summary>Repeated varints, packed (one length-delimited field) or not (a varint field each).</summary>
    public static IEnumerable<long> Varints(ProtobufField field)
    {
        if (field.Bytes.IsEmpty)
        {
            yield return (long)field.Varint;
            yield break;
        }

        var position = 0;
        while (position < field.Bytes.Length)
        {
            yield return (long)ReadVarint(field.Bytes.Span, ref position);
        }
    }

    private static ReadOnlyMemory<byte> Take(ReadOnlyMemory<byte> message, ref int position, int length)
    {
        if (length < 0 || position + length > message.Length)
        {
            throw new InvalidDataException($"A protobuf field of {length} bytes at byte {position} runs past the end of its message.");
        }

        var slice = message.Slice(position, length);
        position += length;
        return slice;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= bytes.Length)
            {
                throw new InvalidDataException("A protobuf varint runs past the end of its message.");
            }

            var b = bytes[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("A protobuf varint is longer than ten bytes.");
    }
}
