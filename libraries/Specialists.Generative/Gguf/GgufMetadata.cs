using System.Text;

namespace SlmPlatform.Specialists.Generative;

/// <summary>Reads the key/value metadata of a GGUF file (not its tensors): strings, numbers, booleans and arrays of
/// them, enough to rebuild a specialist's tokenizer from the file alone.</summary>
internal static class GgufMetadata
{
    public static Dictionary<string, object> Read(string path)
    {
        using var stream = File.OpenRead(path);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        if (!r.ReadBytes(4).AsSpan().SequenceEqual("GGUF"u8))
        {
            throw new InvalidDataException($"{path} is not a GGUF file.");
        }

        var version = r.ReadUInt32();
        if (version < 2)
        {
            throw new InvalidDataException($"GGUF version {version} is not supported.");
        }

        r.ReadUInt64(); // tensor count
        var count = r.ReadUInt64();
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        for (ulong i = 0; i < count; i++)
        {
            var key = Str(r);
            values[key] = Value(r, r.ReadUInt32());
        }

        return values;
    }

    private static object Value(BinaryReader r, uint type) => type switch
    {
        0 => r.ReadByte(),
        1 => r.ReadSByte(),
        2 => r.ReadUInt16(),
        3 => r.ReadInt16(),
        4 => r.ReadUInt32(),
        5 => r.ReadInt32(),
        6 => r.ReadSingle(),
        7 => r.ReadBoolean(),
        8 => Str(r),
        9 => Array(r),
        10 => r.ReadUInt64(),
        11 => r.ReadInt64(),
        12 => r.ReadDouble(),
        _ => throw new InvalidDataException($"Unknown GGUF value type {type}."),
    };

    private static object[] Array(BinaryReader r)
    {
        var type = r.ReadUInt32();
        var items = new object[checked((int)r.ReadUInt64())];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Value(r, type);
        }

        return items;
    }

    private static string Str(BinaryReader r) => Encoding.UTF8.GetString(r.ReadBytes(checked((int)r.ReadUInt64())));
}
