using SlmPlatform.Specialists.Encoder.Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SlmPlatform.Specialists.Encoder.Modeling;

/// <summary>Copies named ONNX weights into TorchSharp modules, checking every shape.</summary>
internal static class WeightCopy
{
    public static void Linear(Linear linear, OnnxWeights weights, string name)
    {
        var weight = weights[name + ".weight"];
        Into(linear.weight!, weight, transpose: weights.TransposedWeights.Contains(name + ".weight"), name + ".weight");
        Into(linear.bias!, weights[name + ".bias"], transpose: false, name + ".bias");
    }

    public static void LayerNorm(LayerNorm norm, OnnxWeights weights, string name)
    {
        Into(norm.weight!, weights[name + ".weight"], transpose: false, name + ".weight");
        Into(norm.bias!, weights[name + ".bias"], transpose: false, name + ".bias");
    }

    public static void Into(Tensor parameter, OnnxTensor source, bool transpose, string name)
    {
        using var noGrad = no_grad();
        using var values = tensor(source.Values).reshape(source.Shape);
        using var oriented = transpose ? values.t() : values.alias();
        if (!oriented.shape.SequenceEqual(parameter.shape))
        {
            throw new InvalidDataException($"The ONNX weight {name} is [{string.Join(", ", oriented.shape)}]; the encoder expects [{string.Join(", ", parameter.shape)}].");
        }

        parameter.copy_(oriented);
    }
}
