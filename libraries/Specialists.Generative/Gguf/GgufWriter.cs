using System.Text;

namespace SlmPlatform.Specialists.Generative;

/// <summary>Writes a GGUF v3 file (llama.cpp's model format): header, key/value metadata, tensor descriptors, then
/// 32-byte-aligned F32 tensor data. Shapes are given in PyTorch order ([rows, columns]); GGUF lists dimensions
/// innermost first, so they are written reversed while the row-major bytes stay as they are.</summary>
internal sealed class GgufWriter
{
    private const int Alignment = 32;
    private readonly List<(string Key, Action<BinaryWriter> Write)> _metadata = [];
    private readonly List<(string Name, long[] Shape, float[] Data)> _tensors = [];

    private enum ValueType : uint
    {
        UInt32 = 4,
        Int32 = 5,
        Float32 = 6,
        Bool = 7,
        String = 8,
        Array = 9,
    }

    public void Add(string key, string value) => _metadata.Add((key, w => { Type(w, ValueType.String); Str(w, value); }));

    public void Add(string key, uint value) => _metadata.Add((key, w => { Type(w, ValueType.UInt32); w.Write(value); }));

    public void Add(string key, float value) => _metadata.Add((key, w => { Type(w, ValueType.Float32); w.Write(value); }));

    public void Add(string key, bool value) => _metadata.Add((key, w => { Type(w, ValueType.Bool); w.Write(value); }));

    public void Add(string key, IReadOnlyList<string> values) => _metadata.Add((key, w =>
    {
        Type(w, ValueType.Array);
        Type(w, ValueType.String);
        w.Write((ulong)values.Count);
        foreach (var v in values)
        {
            Str(w, v);
        }
    }));

    public void Add(string key, IReadOnlyList<float> values) => _metadata.Add((key, w =>
    {
        Type(w, ValueType.Array);
        Type(w, ValueType.Float32);
        w.Write((ulong)values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }));

    public void Add(string key, IReadOnlyList<int> values) => _metadata.Add((key, w =>
    {
        Type(w, ValueType.Array);
        Type(w, ValueType.Int32);
        w.Write((ulong)values.Count);
        foreach (var v in values)
        {
            w.Write(v);
        }
    }));

    public void AddTensor(string name, long[] shape, float[] data) => _tensors.Add((name, shape, data));

    public void Write(string path)
    {
        using var stream = File.Create(path);
        using var w = new BinaryWriter(stream, Encoding.UTF8);
        w.Write("GGUF"u8);
        w.Write(3u);
        w.Write((ulong)_tensors.Count);
        w.Write((ulong)_metadata.Count);
        foreach (var (key, write) in _metadata)
        {
            Str(w, key);
            write(w);
        }

        ulong offset = 0;
        foreach (var (name, shape, data) in _tensors)
        {
            Str(w, name);
            w.Write((uint)shape.Length);
            foreach (var dimension in shape.Reverse())
            {
                w.Write((ulong)dimension);
            }

            w.Write(0u); // GGML_TYPE_F32
            w.Write(offset);
            offset = Align((ulong)data.Length * sizeof(float) + offset);
        }

        Pad(w);
        var start = stream.Position;
        foreach (var (_, _, data) in _tensors)
        {
            var bytes = new byte[data.Length * sizeof(float)];
            Buffer.BlockCopy(data, 0, bytes, 0, bytes.Length);
            w.Write(bytes);
            Pad(w, start);
        }
    }

    private static ulong Align(ulong value) => (value + Alignment - 1) / Alignment * Alignment;

    private static void Pad(BinaryWriter w, long origin = 0)
    {
        var position = w.BaseStream.Position - origin;
        var padding = (int)(Align((ulong)position) - (ulong)position);
        w.Write(new byte[padding]);
    }

    private static void Type(BinaryWriter w, ValueType type) => w.Write((uint)type);

    private static void Str(BinaryWriter w, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        w.Write((ulong)bytes.Length);
        w.Write(bytes);
    }
}
