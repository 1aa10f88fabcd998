using SlmPlatform.Scrubbing.Recognizers.Tagging;

namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class AveragedPerceptronTests
{
    [Fact]
    public void Predict_PaddedRows_ScoreEachTagAsTheSumOfItsWeightsInFeatureOrder()
    {
        var random = new Random(7);
        var weights = new float[AveragedPerceptron.WeightCount];
        for (var row = 0; row <= AveragedPerceptron.Mask; row++)
        {
            for (var tag = 0; tag < EntityTags.Count; tag++)
            {
                weights[(row * AveragedPerceptron.Stride) + tag] = (float)((random.NextDouble() * 2) - 1);
            }
        }

        var perceptron = new AveragedPerceptron(weights);
        for (var trial = 0; trial < 200; trial++)
        {
            var features = Enumerable.Range(0, random.Next(1, 120)).Select(_ => (uint)random.Next()).ToArray();
            var expected = Reference(weights, features, out var expectedMargin);

            var predicted = perceptron.Predict(features, out var margin);

            Assert.Equal(expected, predicted);
            Assert.Equal(expectedMargin, margin);
        }
    }

    private static EntityTag Reference(float[] weights, uint[] features, out float margin)
    {
        var scores = new float[EntityTags.Count];
        foreach (var feature in features)
        {
            for (var tag = 0; tag < EntityTags.Count; tag++)
            {
                scores[tag] += weights[((int)(feature & AveragedPerceptron.Mask) * AveragedPerceptron.Stride) + tag];
            }
        }

        var best = Array.IndexOf(scores, scores.Max());
        margin = scores[best] - scores.Where((_, tag) => tag != best).Max();
        return (EntityTag)best;
    }
}
