using System.Text.Json;
using SlmPlatform.Specialists.Encoder.Modeling;
using static TorchSharp.torch;

namespace SlmPlatform.Specialists.Encoder;

/// <summary>One answer of the encoder specialist: the label, its softmax probability and the margin over the
/// runner-up — the confidence that selective routing thresholds.</summary>
public sealed record EncoderPrediction(string Label, double Probability, double Margin);

/// <summary>
/// A fine-tuned MiniLM encoder with its classification head: answers a label with a confidence, and gives the
/// fine-tuned sentence vectors (so the frozen-vector head can also be trained on them). Not thread-safe: torch
/// modules keep per-call state; give each thread its own instance or serialise calls.
/// </summary>
public sealed class EncoderSpecialist : IDisposable
{
    private const string WeightsFile = "encoder.bin";
    private const string ManifestFile = "encoder.json";
    private const int InferenceBatch = 64;
    private readonly EncoderClassifier _network;
    private readonly WordPieceTokens _tokens;
    private readonly byte[] _vocabulary;

    internal EncoderClassifier Network => _network;

    internal EncoderSpecialist(EncoderClassifier network, WordPieceTokens tokens, byte[] vocabulary, IReadOnlyList<string> labels)
    {
        _network = network;
        _tokens = tokens;
        _vocabulary = vocabulary;
        Labels = labels;
    }

    public IReadOnlyList<string> Labels { get; }

    public EncoderShape Shape => _network.Encoder.Shape;

    public IReadOnlyList<EncoderPrediction> Predict(IReadOnlyList<string> texts)
    {
        var probabilities = Probabilities(texts);
        var predictions = new EncoderPrediction[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var row = probabilities.AsSpan(i * Labels.Count, Labels.Count);
            int best = 0, second = -1;
            for (var c = 1; c < row.Length; c++)
            {
                if (row[c] > row[best])
                {
                    (second, best) = (best, c);
                }
                else if (second < 0 || row[c] > row[second])
                {
                    second = c;
                }
            }

            predictions[i] = new EncoderPrediction(Labels[best], row[best], row[best] - (second < 0 ? 0 : row[second]));
        }

        return predictions;
    }

    /// <summary>Softmax probabilities, <see cref="Labels"/>.Count per text, row-major.</summary>
    public float[] Probabilities(IReadOnlyList<string> texts) =>
        Infer(texts, Labels.Count, batch => _network.forward(batch.Tokens, batch.Mask).softmax(-1));

    /// <summary>L2-normalised sentence vectors from the fine-tuned encoder, <see cref="EncoderShape.Dimension"/> per text.</summary>
    public float[] Embed(IReadOnlyList<string> texts) =>
        Infer(texts, Shape.Dimension, batch => nn.functional.normalize(_network.Encoder.forward(batch.Tokens, batch.Mask), p: 2, dim: -1));

    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        _network.save(Path.Combine(directory, WeightsFile));
        File.WriteAllBytes(Path.Combine(directory, "vocab.txt"), _vocabulary);
        File.WriteAllText(Path.Combine(directory, ManifestFile), JsonSerializer.Serialize(new Manifest(Shape, [.. Labels], _tokens.MaxTokens)));
    }

    public static EncoderSpecialist Load(string directory)
    {
        Generative.Native.LibTorchRuntime.EnsureInitialized();
        var manifest = JsonSerializer.Deserialize<Manifest>(File.ReadAllText(Path.Combine(directory, ManifestFile)))
            ?? throw new InvalidDataException($"{ManifestFile} in {directory} is empty.");
        var network = new EncoderClassifier(manifest.Shape, manifest.Labels.Length, dropoutRate: 0);
        network.load(Path.Combine(directory, WeightsFile));
        network.eval();
        var vocabulary = File.ReadAllBytes(Path.Combine(directory, "vocab.txt"));
        return new EncoderSpecialist(network, new WordPieceTokens(vocabulary, manifest.MaxTokens), vocabulary, manifest.Labels);
    }

    public void Dispose() => _network.Dispose();

    internal long[] Encode(string text) => _tokens.Encode(text);

    private float[] Infer(IReadOnlyList<string> texts, int width, Func<TokenBatch, Tensor> run)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count * width];
        _network.eval();
        using var noGrad = no_grad();
        for (var start = 0; start < texts.Count; start += InferenceBatch)
        {
            using var scope = NewDisposeScope();
            var rows = Enumerable.Range(start, Math.Min(InferenceBatch, texts.Count - start)).Select(i => _tokens.Encode(texts[i])).ToList();
            using var batch = WordPieceTokens.Batch(rows);
            run(batch).data<float>().CopyTo(result, start * width);
        }

        return result;
    }

    private sealed record Manifest(EncoderShape Shape, string[] Labels, int MaxTokens);
}
