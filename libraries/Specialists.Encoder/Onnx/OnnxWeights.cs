using System.Runtime.InteropServices;

namespace SlmPlatform.Specialists.Encoder.Onnx;

/// <summary>A float tensor read from an ONNX file: its shape and values, row-major.</summary>
internal sealed record OnnxTensor(long[] Shape, float[] Values);

/// <summary>
/// The float weights of an ONNX model under their PyTorch names. Exporters fold a <c>Linear</c> into a MatMul whose
/// weight loses its name (it becomes a number such as <c>"927"</c>) and is stored transposed, [in, out]; its bias
/// keeps the name (<c>encoder.layer.0.attention.self.query.bias</c>). Each such weight is named here after the bias
/// that the graph adds to its product, so the result reads like a PyTorch state dict — except that those MatMul
/// weights stay [in, out], as <see cref="TransposedWeights"/> lists.
/// </summary>
internal sealed class OnnxWeights
{
    private const int FloatType = 1;

    private OnnxWeights(Dictionary<string, OnnxTensor> tensors, HashSet<string> transposed)
    {
        Tensors = tensors;
        TransposedWeights = transposed;
    }

    public IReadOnlyDictionary<string, OnnxTensor> Tensors { get; }

    /// <summary>Names whose values are [in, out] (a MatMul's right operand) rather than PyTorch's [out, in].</summary>
    public IReadOnlySet<string> TransposedWeights { get; }

    public OnnxTensor this[string name] => Tensors.TryGetValue(name, out var tensor)
        ? tensor
        : throw new InvalidDataException($"The ONNX model has no weight named {name}.");

    public static OnnxWeights Read(ReadOnlyMemory<byte> model)
    {
        var graph = ProtobufFields.Read(model).FirstOrDefault(f => f.Number == 7).Bytes;
        if (graph.IsEmpty)
        {
            throw new InvalidDataException("The file is not an ONNX model: it has no graph.");
        }

        var initializers = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        var nodes = new List<(string Op, string[] Inputs, string[] Outputs)>();
        foreach (var field in ProtobufFields.Read(graph))
        {
            if (field.Number == 5 && ReadTensor(field.Bytes) is { } named)
            {
                initializers[named.Name] = named.Tensor;
            }
            else if (field.Number == 1)
            {
                nodes.Add(ReadNode(field.Bytes));
            }
        }

        var consumers = nodes.Where(n => n.Op == "Add").SelectMany(n => n.Inputs.Select(i => (Input: i, Node: n)))
            .ToLookup(p => p.Input, p => p.Node, StringComparer.Ordinal);
        var renamed = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        var transposed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var matMul in nodes.Where(n => n.Op == "MatMul" && n.Inputs.Length == 2 && initializers.ContainsKey(n.Inputs[1])))
        {
            var bias = consumers[matMul.Outputs[0]].SelectMany(add => add.Inputs)
                .FirstOrDefault(i => i.EndsWith(".bias", StringComparison.Ordinal) && initializers.ContainsKey(i));
            if (bias is not null)
            {
                var name = string.Concat(bias.AsSpan(0, bias.Length - ".bias".Length), ".weight");
                renamed[name] = initializers[matMul.Inputs[1]];
                transposed.Add(name);
            }
        }

        foreach (var (name, tensor) in initializers.Where(p => p.Key.Contains('.', StringComparison.Ordinal)))
        {
            renamed.TryAdd(name, tensor);
        }

        return new OnnxWeights(renamed, transposed);
    }

    private static (string Name, OnnxTensor Tensor)? ReadTensor(ReadOnlyMemory<byte> message)
    {
        var dims = new List<long>();
        var type = 0;
        string? name = null;
        ReadOnlyMemory<byte> raw = default;
        var floats = new List<float>();
        foreach (var field in ProtobufFields.Read(message))
        {
            switch (field.Number)
            {
                case 1:
                    dims.AddRange(ProtobufFields.Varints(field));
                    break;
                case 2:
                    type = (int)field.Varint;
                    break;
                case 4:
                    floats.AddRange(MemoryMarshal.Cast<byte, float>(field.Bytes.Span).ToArray());
                    break;
                case 8:
                    name = System.Text.Encoding.UTF8.GetString(field.Bytes.Span);
                    break;
                case 9:
                    raw = field.Bytes;
                    break;
            }
        }

        if (type != FloatType || name is null)
        {
            return null;
        }

        // ONNX stores raw data little-endian, which is what every platform TorchSharp's CPU build runs on is.
        var values = raw.IsEmpty ? [.. floats] : MemoryMarshal.Cast<byte, float>(raw.Span).ToArray();
        var count = dims.Aggregate(1L, (a, d) => a * d);
        if (values.Length != count)
        {
            throw new InvalidDataException($"The ONNX weight {name} holds {values.Length} values for a shape of {count}.");
        }

        return (name, new OnnxTensor([.. dims], values));
    }

    private static (string Op, string[] Inputs, string[] Outputs) ReadNode(ReadOnlyMemory<byte> message)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        var op = "";
        foreach (var field in ProtobufFields.Read(message))
        {
            switch (field.Number)
            {
                case 1:
                    inputs.Add(System.Text.Encoding.UTF8.GetString(field.Bytes.Span));
                    break;
                case 2:
                    outputs.Add(System.Text.Encoding.UTF8.GetString(field.Bytes.Span));
                    break;
                case 4:
                    op = System.Text.Encoding.UTF8.GetString(field.Bytes.Span);
                    break;
            }
        }

        return (op, [.. inputs], [.. outputs]);
    }
}
