using System.Numerics.Tensors;

namespace SlmPlatform.Scrubbing.Recognizers.Contextual;

/// <summary>
/// The contextual tagger's classifier: one hidden ReLU layer over a token's feature row, then a softmax over the entity
/// tags. Trained outside the library (bench/Scrubbing.Quality --train-contextual, docs/scrubbing.md) and shipped as an
/// embedded resource of half-precision weights.
/// </summary>
internal sealed class ContextualHead
{
    public const string ResourceName = "SlmPlatform.Scrubbing.contextual-head.bin";
    private const int Magic = 0x48435453; // "STCH"

    private readonly float[] _hiddenWeights;
    private readonly float[] _hiddenBias;
    private readonly float[] _outputWeights;
    private readonly float[] _outputBias;

    public ContextualHead(int width, int hidden, int classes, float[] hiddenWeights, float[] hiddenBias, float[] outputWeights, float[] outputBias)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(hiddenWeights.Length, hidden * width);
        ArgumentOutOfRangeException.ThrowIfNotEqual(hiddenBias.Length, hidden);
        ArgumentOutOfRangeException.ThrowIfNotEqual(outputWeights.Length, classes * hidden);
        ArgumentOutOfRangeException.ThrowIfNotEqual(outputBias.Length, classes);
        (Width, Hidden, Classes) = (width, hidden, classes);
        (_hiddenWeights, _hiddenBias, _outputWeights, _outputBias) = (hiddenWeights, hiddenBias, outputWeights, outputBias);
    }

    public int Width { get; }

    public int Hidden { get; }

    public int Classes { get; }

    /// <summary>Writes each class's probability for <paramref name="row"/> into <paramref name="probabilities"/>.</summary>
    public void Predict(ReadOnlySpan<float> row, Span<float> hidden, Span<float> probabilities)
    {
        for (var h = 0; h < Hidden; h++)
        {
            hidden[h] = MathF.Max(0, TensorPrimitives.Dot(row, _hiddenWeights.AsSpan(h * Width, Width)) + _hiddenBias[h]);
        }

        for (var c = 0; c < Classes; c++)
        {
            probabilities[c] = TensorPrimitives.Dot(hidden[..Hidden], _outputWeights.AsSpan(c * Hidden, Hidden)) + _outputBias[c];
        }

        TensorPrimitives.SoftMax(probabilities[..Classes], probabilities[..Classes]);
    }

    /// <summary>The most likely class of <paramref name="row"/>, and its probability.</summary>
    public int Classify(ReadOnlySpan<float> row, Span<float> hidden, Span<float> probabilities, out float probability)
    {
        Predict(row, hidden, probabilities);
        var best = TensorPrimitives.IndexOfMax(probabilities[..Classes]);
        probability = probabilities[best];
        return best;
    }

    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Width);
        writer.Write(Hidden);
        writer.Write(Classes);
        HalfPrecision.Write(writer, [_hiddenWeights, _hiddenBias, _outputWeights, _outputBias]);
    }

    public static ContextualHead Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        if (reader.ReadInt32() != Magic)
        {
            throw new InvalidDataException("Not a contextual tagger head.");
        }

        var (width, hidden, classes) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32());
        float[] Read(int count) => HalfPrecision.Read(reader, count);

        return new ContextualHead(width, hidden, classes, Read(hidden * width), Read(hidden), Read(classes * hidden), Read(classes));
    }

    /// <summary>The head shipped in this assembly, or null where it was built without one.</summary>
    public static ContextualHead? LoadShipped()
    {
        using var stream = typeof(ContextualHead).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }
}
