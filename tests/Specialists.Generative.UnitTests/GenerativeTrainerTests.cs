namespace SlmPlatform.Specialists.Generative.UnitTests;

public sealed class GenerativeTrainerTests
{
    [Fact]
    public async Task TrainAsync_ToyMapping_LossFallsAndExactMatchBeatsTheUntrainedModel()
    {
        var train = ToyTask.Examples(400, seed: 1);
        var heldOut = ToyTask.Examples(60, seed: 2);
        var recorder = new ToyTask.Recorder();
        using var untrained = await GenerativeTrainer.TrainAsync(
            train, [], ToyTask.TinyOptions(epochs: 0), null, null, TestContext.Current.CancellationToken);

        using var trained = await GenerativeTrainer.TrainAsync(
            train, heldOut, ToyTask.TinyOptions(), recorder, null, TestContext.Current.CancellationToken);

        var before = untrained.Evaluate(heldOut);
        var after = trained.Evaluate(heldOut);
        Assert.True(recorder.Reports[^1].Loss < recorder.Reports[0].Loss / 4, $"loss {recorder.Reports[0].Loss:0.000} → {recorder.Reports[^1].Loss:0.000}");
        Assert.True(after.ExactMatch > before.ExactMatch + 0.5, $"exact match {before.ExactMatch:0.00} untrained → {after.ExactMatch:0.00} trained; e.g. {heldOut[0].Prompt} → {after.Predictions[0]}; loss {recorder.Reports[^1].Loss} val {recorder.Reports[^1].ValidationLoss}");
        Assert.NotNull(recorder.Reports[^1].ValidationLoss);
        Assert.Equal(after.ExactMatch, trained.Summary!.ValidationExactMatch);
    }

    [Fact]
    public async Task TrainAsync_CancelledThenResumed_ContinuesFromTheCheckpointAndMatchesAnUninterruptedRun()
    {
        var train = ToyTask.Examples(160, seed: 3);
        var options = ToyTask.TinyOptions(epochs: 4);
        var folder = Directory.CreateTempSubdirectory("generative-resume-").FullName;
        try
        {
            using var uninterrupted = await GenerativeTrainer.TrainAsync(train, [], options, null, null, TestContext.Current.CancellationToken);
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
            var first = new ToyTask.Recorder(p => { if (p.Step == 15) { stop.Cancel(); } });

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => GenerativeTrainer.TrainAsync(train, [], options, first, folder, stop.Token));
            var second = new ToyTask.Recorder();
            using var resumed = await GenerativeTrainer.TrainAsync(train, [], options, second, folder, TestContext.Current.CancellationToken);

            Assert.Equal(16, second.Reports[0].Step);
            Assert.Equal(uninterrupted.Summary!.Steps, resumed.Summary!.Steps);
            Assert.Equal(uninterrupted.Summary.FinalLoss, resumed.Summary.FinalLoss, 3);
            var prompts = ToyTask.Examples(20, seed: 4).Select(e => e.Prompt).ToList();
            Assert.Equal(uninterrupted.GenerateAll(prompts), resumed.GenerateAll(prompts));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
