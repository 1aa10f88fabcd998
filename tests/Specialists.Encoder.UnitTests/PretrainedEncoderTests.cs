using System.Numerics.Tensors;
using SlmPlatform.Embeddings;
using SlmPlatform.Specialists.Encoder.Onnx;
using SlmPlatform.Specialists.Encoder.Training;

namespace SlmPlatform.Specialists.Encoder.UnitTests;

public sealed class PretrainedEncoderTests
{
    [Fact]
    public void OnnxWeights_NameEveryLinearOfEveryLayer_TransposedAsMatMulStoresThem()
    {
        var weights = OnnxWeights.Read(MiniLmFiles.Read().Model);
        string[] linears = ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense", "intermediate.dense", "output.dense"];
        for (var layer = 0; layer < 6; layer++)
        {
            foreach (var linear in linears)
            {
                var name = $"encoder.layer.{layer}.{linear}.weight";
                Assert.Contains(name, weights.TransposedWeights);
                var bias = weights[$"encoder.layer.{layer}.{linear}.bias"].Shape[0];
                Assert.Equal(bias, weights[name].Shape[1]);
            }
        }

        Assert.Equal(36, weights.TransposedWeights.Count);
        Assert.Equal([30522L, 384L], weights["embeddings.word_embeddings.weight"].Shape);
    }

    [Fact]
    public void Pretrained_Embed_GivesTheOnnxModelsVectors()
    {
        string[] texts =
        [
            "the parcel never arrived and nobody answers the phone",
            "How do I change the PIN on my new card?",
            "ok",
            "Can you summarise this paragraph about tidal energy in two sentences for a newsletter aimed at engineers?",
        ];
        using var onnx = SentenceEmbeddingModel.LoadDefault(intraOpThreads: 1);
        var expected = new float[texts.Length * onnx.Dimensions];
        onnx.Embed(texts.Select(t => onnx.Tokenize(t)).ToArray(), expected);

        using var encoder = EncoderFineTuner.Pretrained(["unused"], new EncoderFineTuneOptions { MaxTokens = 512 });
        var actual = encoder.Embed(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            var cosine = TensorPrimitives.CosineSimilarity(expected.AsSpan(i * 384, 384), actual.AsSpan(i * 384, 384));
            Assert.True(cosine > 0.9999, $"text {i}: cosine {cosine:0.000000}");
        }
    }
}
