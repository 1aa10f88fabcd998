using System.Numerics.Tensors;

namespace SlmPlatform.Scrubbing.Recognizers.Contextual;

/// <summary>
/// The fast contextual tagger's model: each word is the mean of its WordPieces' rows in a table (MiniLM's static
/// piece embeddings, projected to a few dimensions by training) beside a few facts of its shape and punctuation; a
/// token is tagged from the words within <see cref="Reach"/> of it on either side by a small two-layer network.
/// No encoder runs, so a token costs microseconds (docs/adr/0011). Trained outside the library (bench/Scrubbing.Quality
/// --train-window) and shipped as an embedded resource of half-precision weights.
/// </summary>
internal sealed class WordWindowModel
{
    public const string ResourceName = "SlmPlatform.Scrubbing.word-window-model.bin";
    public const int Reach = 4;
    public const int Slots = (2 * Reach) + 1;
    private const int Magic = 0x4D575453; // "STWM"

    private readonly float[] _pieceTable;
    private readonly float[] _wordBias;
    private readonly Layer[] _layers;

    public WordWindowModel(int vocabulary, int dimension, float[] pieceTable, float[] wordBias, IReadOnlyList<Layer> layers)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(pieceTable.Length, vocabulary * dimension);
        ArgumentOutOfRangeException.ThrowIfNotEqual(wordBias.Length, dimension);
        ArgumentOutOfRangeException.ThrowIfNotEqual(layers[0].Inputs, Slots * (dimension + WordShape.Features));
        (Vocabulary, Dimension, _pieceTable, _wordBias, _layers) = (vocabulary, dimension, pieceTable, wordBias, [.. layers]);
    }

    /// <summary>A dense layer, [outputs, inputs] row-major; ReLU after every layer but the last.</summary>
    public sealed record Layer(int Inputs, int Outputs, float[] Weights, float[] Bias);

    public int Vocabulary { get; }

    public int Dimension { get; }

    /// <summary>Floats per word: its vector, then its shape.</summary>
    public int WordWidth => Dimension + WordShape.Features;

    /// <summary>Floats per window: <see cref="Slots"/> words.</summary>
    public int WindowWidth => Slots * WordWidth;

    public int Classes => _layers[^1].Outputs;

    /// <summary>The word's vector: the mean of its pieces' rows plus the projection's bias (zeros for no piece).</summary>
    public void WordVector(ReadOnlySpan<int> pieces, Span<float> destination)
    {
        destination = destination[..Dimension];
        destination.Clear();
        foreach (var piece in pieces)
        {
            if ((uint)piece < (uint)Vocabulary)
            {
                TensorPrimitives.Add(destination, _pieceTable.AsSpan(piece * Dimension, Dimension), destination);
            }
        }

        if (pieces.Length > 0)
        {
            TensorPrimitives.Multiply(destination, 1f / pieces.Length, destination);
            TensorPrimitives.Add(destination, _wordBias, destination);
        }
    }

    /// <summary>The most likely tag of each of <paramref name="count"/> windows in <paramref name="windows"/>
    /// (<see cref="Slots"/> word rows each; zeros past the text's edges) and its probability.</summary>
    /// <remarks>All windows go through a layer before the next: each weight row is read from memory once for all of
    /// them and stays in the first-level cache, where a window at a time streamed the whole first layer (half a
    /// megabyte) from memory for every token.</remarks>
    public void Classify(ReadOnlySpan<float> windows, int count, Span<int> tags, Span<float> probabilities)
    {
        var current = windows[..(count * _layers[0].Inputs)];
        var output = Array.Empty<float>();
        for (var l = 0; l < _layers.Length; l++)
        {
            var layer = _layers[l];
            output = new float[count * layer.Outputs];
            for (var o = 0; o < layer.Outputs; o++)
            {
                var weights = layer.Weights.AsSpan(o * layer.Inputs, layer.Inputs);
                for (var t = 0; t < count; t++)
                {
                    output[(t * layer.Outputs) + o] = TensorPrimitives.Dot(current.Slice(t * layer.Inputs, layer.Inputs), weights) + layer.Bias[o];
                }
            }

            if (l < _layers.Length - 1)
            {
                TensorPrimitives.Max(output, 0f, output);
            }

            current = output;
        }

        for (var t = 0; t < count; t++)
        {
            var scores = output.AsSpan(t * Classes, Classes);
            TensorPrimitives.SoftMax(scores, scores);
            tags[t] = TensorPrimitives.IndexOfMax(scores);
            probabilities[t] = scores[tags[t]];
        }
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Vocabulary);
        writer.Write(Dimension);
        writer.Write(_layers.Length);
        foreach (var layer in _layers)
        {
            writer.Write(layer.Inputs);
            writer.Write(layer.Outputs);
        }

        HalfPrecision.Write(writer, new[] { _pieceTable, _wordBias }.Concat(_layers.SelectMany(l => new[] { l.Weights, l.Bias })));
    }

    public static WordWindowModel Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("Not a word-window tagger model.");
        }

        var (vocabulary, dimension, count) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        var shapes = Enumerable.Range(0, count).Select(_ => (Inputs: reader.ReadInt32(), Outputs: reader.ReadInt32())).ToArray();
        float[] Read(int length) => HalfPrecision.Read(reader, length);

        var table = Read(vocabulary * dimension);
        var bias = Read(dimension);
        var layers = shapes.Select(s => new Layer(s.Inputs, s.Outputs, Read(s.Inputs * s.Outputs), Read(s.Outputs))).ToList();
        return new WordWindowModel(vocabulary, dimension, table, bias, layers);
    }

    /// <summary>The model shipped in this assembly, or null where it was built without one.</summary>
    public static WordWindowModel? LoadShipped()
    {
        using var stream = typeof(WordWindowModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
