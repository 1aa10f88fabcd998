using System.Runtime.InteropServices;

namespace SlmPlatform.Specialists.Training;

/// <summary>Float arrays as a length and little-endian IEEE 754 singles, the layout of checkpoints and artifacts.</summary>
internal static class FloatBlocks
{
    private const int MaxLength = 256 * 1024 * 1024;

    public static void Write(BinaryWriter writer, float[] values)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Artifacts are written on little-endian machines only.");
        }

        writer.Write(values.Length);
        writer.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    public static float[] Read(BinaryReader reader)
    {
        var length = reader.ReadInt32();
        if (length is < 0 or > MaxLength)
        {
            throw new InvalidDataException($"A float block of {length} values is not plausible.");
        }

        var values = new float[length];
        var bytes = MemoryMarshal.AsBytes(values.AsSpan());
        reader.BaseStream.ReadExactly(bytes);

        return values;
    }
}
