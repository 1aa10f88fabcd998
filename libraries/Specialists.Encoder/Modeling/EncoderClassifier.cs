using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SlmPlatform.Specialists.Encoder.Modeling;

/// <summary>The encoder with a linear classification head on its pooled output: logits [batch, labels].</summary>
internal sealed class EncoderClassifier : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly MiniLmEncoder encoder;
    private readonly Dropout dropout;
    private readonly Linear classifier;

    public EncoderClassifier(EncoderShape shape, int labels, double dropoutRate) : base(nameof(EncoderClassifier))
    {
        encoder = new MiniLmEncoder(shape, dropoutRate);
        dropout = nn.Dropout(dropoutRate);
        classifier = nn.Linear(shape.Dimension, labels);
        RegisterComponents();
    }

    public MiniLmEncoder Encoder => encoder;

    public IEnumerable<Parameter> HeadParameters => classifier.parameters();

    public override Tensor forward(Tensor tokens, Tensor mask)
    {
        using var pooled = encoder.forward(tokens, mask);
        using var dropped = dropout.forward(pooled);
        return classifier.forward(dropped);
    }
}
