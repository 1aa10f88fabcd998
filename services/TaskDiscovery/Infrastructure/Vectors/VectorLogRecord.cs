using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

/// <summary>
/// One record of the embedded store's log: a length-prefixed body (tenant, call id, task id, floats). A record cut
/// short by a crash fails to read and ends the replay there.
/// </summary>
internal static class VectorLogRecord
{
    // A call id is at most a few hundred characters and a vector a few thousand floats; anything larger is damage.
    private const int MaxBodyLength = 1 << 20;

    public static void Write(Stream stream, string tenantId, CallVector vector)
    {
        var tenant = Encoding.UTF8.GetBytes(tenantId);
        var callId = Encoding.UTF8.GetBytes(vector.CallId);
        var floats = MemoryMarshal.AsBytes(vector.Vector.AsSpan());
        var bodyLength = 4 + tenant.Length + 4 + callId.Length + 16 + 4 + floats.Length;
        var buffer = new byte[4 + bodyLength];
        var span = buffer.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, bodyLength);
        var position = 4;
        position += WriteBytes(span[position..], tenant);
        position += WriteBytes(span[position..], callId);
        vector.TaskId.TryWriteBytes(span.Slice(position, 16));
        position += 16;
        BinaryPrimitives.WriteInt32LittleEndian(span[position..], vector.Vector.Length);
        floats.CopyTo(span[(position + 4)..]);
        stream.Write(buffer);
    }

    public static bool TryRead(Stream stream, out string tenantId, out CallVector vector)
    {
        tenantId = string.Empty;
        vector = null!;
        Span<byte> header = stackalloc byte[4];
        if (stream.ReadAtLeast(header, 4, throwOnEndOfStream: false) < 4)
        {
            return false;
        }

        var bodyLength = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (bodyLength is <= 0 or > MaxBodyLength)
        {
            return false;
        }

        var body = new byte[bodyLength];
        if (stream.ReadAtLeast(body, bodyLength, throwOnEndOfStream: false) < bodyLength)
        {
            return false;
        }

        try
        {
            return TryParse(body, out tenantId, out vector);
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static bool TryParse(ReadOnlySpan<byte> span, out string tenantId, out CallVector vector)
    {
        vector = null!;
        var position = ReadString(span, out tenantId);
        position += ReadString(span[position..], out var callId);
        var taskId = new Guid(span.Slice(position, 16));
        position += 16;
        var dimensions = BinaryPrimitives.ReadInt32LittleEndian(span[position..]);
        var floats = MemoryMarshal.Cast<byte, float>(span[(position + 4)..]);
        if (dimensions <= 0 || floats.Length != dimensions)
        {
            return false;
        }

        vector = new CallVector(callId, taskId, floats.ToArray());
        return true;
    }

    private static int WriteBytes(Span<byte> destination, byte[] bytes)
    {
        BinaryPrimitives.WriteInt32LittleEndian(destination, bytes.Length);
        bytes.CopyTo(destination[4..]);
        return 4 + bytes.Length;
    }

    private static int ReadString(ReadOnlySpan<byte> source, out string value)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(source);
        value = Encoding.UTF8.GetString(source.Slice(4, length));
        return 4 + length;
    }
}
