using SlmPlatform.Specialists.Encoder.Onnx;

namespace SlmPlatform.Specialists.Encoder.Modeling;

/// <summary>The sizes of a BERT encoder. All but the head count are read from the weights; the head count is not in
/// them and defaults to all-MiniLM-L6-v2's 12.</summary>
public sealed record EncoderShape(int VocabularySize, int Dimension, int Layers, int Heads, int IntermediateSize, int MaxPositions)
{
    public const int MiniLmHeads = 12;

    internal static EncoderShape Of(OnnxWeights weights, int heads = MiniLmHeads)
    {
        var words = weights["embeddings.word_embeddings.weight"].Shape;
        var positions = weights["embeddings.position_embeddings.weight"].Shape;
        var layers = 0;
        while (weights.Tensors.ContainsKey($"encoder.layer.{layers}.attention.self.query.bias"))
        {
            layers++;
        }

        if (layers == 0)
        {
            throw new InvalidDataException("The ONNX model has no BERT encoder layers (encoder.layer.N.*).");
        }

        var intermediate = weights["encoder.layer.0.intermediate.dense.bias"].Shape[0];
        return new EncoderShape((int)words[0], (int)words[1], layers, heads, (int)intermediate, (int)positions[0]);
    }
}
