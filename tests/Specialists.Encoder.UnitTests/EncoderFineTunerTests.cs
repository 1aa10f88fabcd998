using SlmPlatform.Specialists.Encoder.Training;

namespace SlmPlatform.Specialists.Encoder.UnitTests;

public sealed class EncoderFineTunerTests
{
    private static readonly EncoderFineTuneOptions Quick = new() { Epochs = 8, BatchSize = 6, Threads = 2, HeadLearningRate = 5e-3 };

    [Fact]
    public void Train_ToyIntents_AnswersHeldOutPhrasingsAndIsSureOfThem()
    {
        var untrained = EncoderFineTuner.Pretrained(ToyIntents.Labels, Quick);
        var untrainedCorrect = Correct(untrained);
        var losses = new List<double>();

        using var specialist = EncoderFineTuner.Train(
            [.. ToyIntents.Train.Select(e => e.Text)], [.. ToyIntents.Train.Select(e => e.Label)], ToyIntents.Labels,
            Quick, new SynchronousProgress(p => losses.Add(p.Loss)), TestContext.Current.CancellationToken);

        Assert.True(losses[^1] < losses[0] / 2, $"loss {losses[0]:0.000} → {losses[^1]:0.000}");
        Assert.True(Correct(specialist) >= 5, $"{Correct(specialist)} of {ToyIntents.HeldOut.Length} held-out phrasings right (untrained: {untrainedCorrect})");
        var predictions = specialist.Predict([.. ToyIntents.HeldOut.Select(e => e.Text)]);
        Assert.All(predictions, p => Assert.InRange(p.Margin, 0, p.Probability));
        Assert.True(predictions.Average(p => p.Probability) > 1.5 / ToyIntents.Labels.Length);
        untrained.Dispose();
    }

    [Fact]
    public void SaveAndLoad_GivesTheSameProbabilities()
    {
        using var specialist = EncoderFineTuner.Train(
            [.. ToyIntents.Train.Select(e => e.Text)], [.. ToyIntents.Train.Select(e => e.Label)], ToyIntents.Labels,
            Quick with { Epochs = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        var folder = Directory.CreateTempSubdirectory("encoder-specialist-").FullName;
        try
        {
            specialist.Save(folder);
            using var loaded = EncoderSpecialist.Load(folder);
            string[] texts = [.. ToyIntents.HeldOut.Select(e => e.Text)];
            Assert.Equal(specialist.Labels, loaded.Labels);
            Assert.Equal(specialist.Probabilities(texts), loaded.Probabilities(texts));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Train_LabelOutsideTheNames_IsRefusedBeforeAnyWork()
    {
        var error = Assert.Throws<ArgumentException>(() => EncoderFineTuner.Train(["a", "b"], [0, 3], ToyIntents.Labels, Quick, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal("labels", error.ParamName);
        Assert.Throws<ArgumentException>(() => EncoderFineTuner.Train(["a", "b"], [0], ToyIntents.Labels, Quick, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentOutOfRangeException>(() => EncoderFineTuner.Train(["a"], [0], ToyIntents.Labels, Quick with { Epochs = 0 }, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void LearningRateFactor_WarmsUpThenDecaysToZeroByStepsOrTime()
    {
        var options = new EncoderFineTuneOptions { WarmupShare = 0.1, MaxTrainingTime = TimeSpan.FromMinutes(10) };
        Assert.Equal(0.1, EncoderFineTuner.LearningRateFactor(options, 0, 100, TimeSpan.Zero), 6);
        Assert.Equal(1.0, EncoderFineTuner.LearningRateFactor(options, 9, 100, TimeSpan.Zero), 6);
        Assert.Equal(0.5, EncoderFineTuner.LearningRateFactor(options, 55, 100, TimeSpan.Zero), 6);
        Assert.Equal(0.5, EncoderFineTuner.LearningRateFactor(options, 20, 100, TimeSpan.FromMinutes(5.5)), 6);
        Assert.Equal(0.0, EncoderFineTuner.LearningRateFactor(options, 50, 100, TimeSpan.FromMinutes(11)), 6);
    }

    [Fact]
    public void LengthBatches_CoverEveryRowOnceInBatchesOfSimilarLength()
    {
        var rows = Enumerable.Range(0, 1_000).Select(i => new long[1 + (i * 7919 % 60)]).ToArray();
        var batches = EncoderFineTuner.LengthBatches(rows, 32, new Random(3));
        Assert.Equal(Enumerable.Range(0, 1_000), batches.SelectMany(b => b).Order());
        Assert.All(batches, b => Assert.True(b.Length <= 32));
        var spread = batches.Where(b => b.Length == 32).Average(b => b.Max(i => rows[i].Length) - b.Min(i => rows[i].Length));
        Assert.True(spread < 10, $"mean length spread within a batch {spread:0.0}");
    }

    private static int Correct(EncoderSpecialist specialist) =>
        specialist.Predict([.. ToyIntents.HeldOut.Select(e => e.Text)])
            .Zip(ToyIntents.HeldOut, (p, e) => p.Label == ToyIntents.Labels[e.Label]).Count(c => c);

    /// <summary><see cref="Progress{T}"/> posts to the thread pool; the test needs every report before it asserts.</summary>
    private sealed class SynchronousProgress(Action<EncoderTrainingProgress> report) : IProgress<EncoderTrainingProgress>
    {
        public void Report(EncoderTrainingProgress value) => report(value);
    }
}
