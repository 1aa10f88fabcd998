using SlmPlatform.Specialists.Encoder.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SlmPlatform.Specialists.Encoder.Modeling;

/// <summary>
/// A BERT sentence encoder in TorchSharp, trainable: token, position and (type 0) segment embeddings with LayerNorm,
/// the encoder layers, then mean pooling over real tokens — what sentence-transformers computes for
/// all-MiniLM-L6-v2 before its L2 normalisation.
/// </summary>
internal sealed class MiniLmEncoder : nn.Module<Tensor, Tensor, Tensor>
{
    private const double NormEpsilon = 1e-12;
    private readonly Embedding word_embeddings;
    private readonly Embedding position_embeddings;
    private readonly Embedding token_type_embeddings;
    private readonly LayerNorm embedding_norm;
    private readonly ModuleList<BertLayer> layers;
    private readonly Dropout dropout;

    public MiniLmEncoder(EncoderShape shape, double dropoutRate) : base(nameof(MiniLmEncoder))
    {
        Shape = shape;
        word_embeddings = nn.Embedding(shape.VocabularySize, shape.Dimension);
        position_embeddings = nn.Embedding(shape.MaxPositions, shape.Dimension);
        token_type_embeddings = nn.Embedding(2, shape.Dimension);
        embedding_norm = nn.LayerNorm(shape.Dimension, NormEpsilon);
        layers = new ModuleList<BertLayer>([.. Enumerable.Range(0, shape.Layers)
            .Select(_ => new BertLayer(shape.Dimension, shape.IntermediateSize, shape.Heads, dropoutRate, NormEpsilon))]);
        dropout = nn.Dropout(dropoutRate);
        RegisterComponents();
    }

    public EncoderShape Shape { get; }

    /// <summary>Mean-pooled token states, [batch, dimension], for <paramref name="tokens"/> and
    /// <paramref name="mask"/> (1 for real tokens, 0 for padding), both [batch, time] int64.</summary>
    public override Tensor forward(Tensor tokens, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var time = tokens.shape[1];
        var positions = arange(time, dtype: ScalarType.Int64).unsqueeze(0);
        var x = word_embeddings.forward(tokens) + position_embeddings.forward(positions) + token_type_embeddings.forward(zeros_like(tokens));
        x = dropout.forward(embedding_norm.forward(x));

        var real = mask.to_type(ScalarType.Float32);
        var maskBias = ((1 - real) * -1e4f).view(real.shape[0], 1, 1, time);
        foreach (var layer in layers)
        {
            x = layer.forward(x, maskBias);
        }

        var weights = real.unsqueeze(-1);
        return ((x * weights).sum(1) / weights.sum(1).clamp_min(1e-9)).MoveToOuterDisposeScope();
    }

    public void LoadFrom(OnnxWeights weights)
    {
        WeightCopy.Into(word_embeddings.weight!, weights["embeddings.word_embeddings.weight"], transpose: false, "embeddings.word_embeddings.weight");
        WeightCopy.Into(position_embeddings.weight!, weights["embeddings.position_embeddings.weight"], transpose: false, "embeddings.position_embeddings.weight");
        WeightCopy.Into(token_type_embeddings.weight!, weights["embeddings.token_type_embeddings.weight"], transpose: false, "embeddings.token_type_embeddings.weight");
        WeightCopy.LayerNorm(embedding_norm, weights, "embeddings.LayerNorm");
        for (var i = 0; i < layers.Count; i++)
        {
            layers[i].LoadFrom(weights, i);
        }
    }
}
