using SlmPlatform.Specialists.Encoder.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SlmPlatform.Specialists.Encoder.Modeling;

/// <summary>One post-norm BERT block: multi-head self-attention, then a GELU feed-forward, each followed by dropout,
/// a residual add and LayerNorm — the layout of the Hugging Face BertLayer that MiniLM was trained in.</summary>
internal sealed class BertLayer : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly Linear attention_output;
    private readonly LayerNorm attention_norm;
    private readonly Linear intermediate;
    private readonly Linear output;
    private readonly LayerNorm output_norm;
    private readonly Dropout dropout;
    private readonly int _heads;

    public BertLayer(int dimension, int intermediateSize, int heads, double dropoutRate, double normEpsilon) : base(nameof(BertLayer))
    {
        if (dimension % heads != 0)
        {
            throw new ArgumentException($"{dimension} dimensions do not split into {heads} heads.", nameof(heads));
        }

        _heads = heads;
        query = nn.Linear(dimension, dimension);
        key = nn.Linear(dimension, dimension);
        value = nn.Linear(dimension, dimension);
        attention_output = nn.Linear(dimension, dimension);
        attention_norm = nn.LayerNorm(dimension, normEpsilon);
        intermediate = nn.Linear(dimension, intermediateSize);
        output = nn.Linear(intermediateSize, dimension);
        output_norm = nn.LayerNorm(dimension, normEpsilon);
        dropout = nn.Dropout(dropoutRate);
        RegisterComponents();
    }

    /// <summary><paramref name="x"/> [batch, time, dimension]; <paramref name="maskBias"/> [batch, 1, 1, time],
    /// 0 where a token is real and a large negative number where it is padding.</summary>
    public override Tensor forward(Tensor x, Tensor maskBias)
    {
        using var scope = NewDisposeScope();
        var (batch, time, dimension) = (x.shape[0], x.shape[1], x.shape[2]);
        var headSize = dimension / _heads;
        Tensor Heads(Linear projection) => projection.forward(x).view(batch, time, _heads, headSize).transpose(1, 2);

        var scores = matmul(Heads(query), Heads(key).transpose(-1, -2)) / Math.Sqrt(headSize) + maskBias;
        var context = matmul(dropout.forward(scores.softmax(-1)), Heads(value)).transpose(1, 2).reshape(batch, time, dimension);
        var attended = attention_norm.forward(x + dropout.forward(attention_output.forward(context)));
        var fed = output.forward(nn.functional.gelu(intermediate.forward(attended)));
        return output_norm.forward(attended + dropout.forward(fed)).MoveToOuterDisposeScope();
    }

    /// <summary>Copies layer <paramref name="index"/>'s weights from an ONNX export of a Hugging Face BERT.</summary>
    public void LoadFrom(OnnxWeights weights, int index)
    {
        var prefix = $"encoder.layer.{index}.";
        WeightCopy.Linear(query, weights, prefix + "attention.self.query");
        WeightCopy.Linear(key, weights, prefix + "attention.self.key");
        WeightCopy.Linear(value, weights, prefix + "attention.self.value");
        WeightCopy.Linear(attention_output, weights, prefix + "attention.output.dense");
        WeightCopy.LayerNorm(attention_norm, weights, prefix + "attention.output.LayerNorm");
        WeightCopy.Linear(intermediate, weights, prefix + "intermediate.dense");
        WeightCopy.Linear(output, weights, prefix + "output.dense");
        WeightCopy.LayerNorm(output_norm, weights, prefix + "output.LayerNorm");
    }
}
