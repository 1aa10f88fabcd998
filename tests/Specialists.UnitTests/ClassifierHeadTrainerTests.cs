using SlmPlatform.Specialists.Evaluation;

namespace SlmPlatform.Specialists.UnitTests;

public sealed class ClassifierHeadTrainerTests
{
    private static readonly string[] Labels = ["a", "b", "c", "d"];
    private static CancellationToken Token => TestContext.Current.CancellationToken;
    private static readonly ClassifierHeadOptions Small = new() { HiddenUnits = 16, EnsembleMembers = 2, MaxEpochs = 30, Patience = 3, BatchSize = 16, LearningRate = 0.01f };

    [Fact]
    public void Train_SeparableClusters_LearnsThemAndStopsEarly()
    {
        var (train, test) = SyntheticClusters.MakePair(classes: 4, perClass: 60, dimensions: 12, noise: 0.6f, seed: 1);
        var progress = new List<TrainingProgress>();

        var run = new ClassifierHeadTrainer(Small).Train(train, Labels, "test-embedder", new TrainingHooks(Progress: progress.Add), cancellationToken: Token);
        var (report, _) = HeadEvaluator.Evaluate(run.Head, test);

        Assert.True(report.Accuracy > 0.95, $"accuracy {report.Accuracy}");
        Assert.Equal(test.Count, report.N);
        Assert.Equal(2, run.BestEpochs.Count);
        Assert.Equal(run.EpochsRun, progress.Count);
        Assert.True(progress[^1].TrainLoss < progress[0].TrainLoss);
        Assert.All(progress, p => Assert.True(p.ValidationLoss > 0 && p.Eta >= TimeSpan.Zero));
    }

    [Fact]
    public void Train_NoSignal_StaysNearChance()
    {
        // Labels independent of the features, in training and test: a trainer that "learns" here is reading its test set.
        var (train, test) = SyntheticClusters.MakePair(classes: 4, perClass: 60, dimensions: 12, noise: 0.6f, seed: 2);
        var random = new Random(11);
        var noisyTrain = train with { Labels = [.. train.Labels.Select(_ => random.Next(4))] };
        var noisyTest = test with { Labels = [.. test.Labels.Select(_ => random.Next(4))] };

        var run = new ClassifierHeadTrainer(Small).Train(noisyTrain, Labels, "test-embedder", cancellationToken: Token);
        var (report, _) = HeadEvaluator.Evaluate(run.Head, noisyTest);

        Assert.InRange(report.Accuracy, 0.0, 0.4);
    }

    [Fact]
    public void Train_ResumedFromACheckpoint_EndsWithTheSameWeights()
    {
        var rows = SyntheticClusters.Make(classes: 4, perClass: 40, dimensions: 8, noise: 0.8f, seed: 3);
        var options = Small with { Threads = 1 };
        var checkpoints = new List<byte[]>();
        var full = new ClassifierHeadTrainer(options).Train(rows, Labels, "m", new TrainingHooks(Checkpoint: c =>
        {
            using var stream = new MemoryStream();
            c.WriteTo(stream);
            checkpoints.Add(stream.ToArray());
        }), cancellationToken: Token);

        // A worker killed after the third checkpoint (first member) or the last but one (second member) resumes
        // from the bytes it had written.
        foreach (var bytes in new[] { checkpoints[2], checkpoints[^2] })
        {
            var saved = ClassifierCheckpoint.ReadFrom(new MemoryStream(bytes));
            var resumed = new ClassifierHeadTrainer(options).Train(rows, Labels, "m", resumeFrom: saved, cancellationToken: Token);

            Assert.Equal(full.Head.Members.Count, resumed.Head.Members.Count);
            for (var m = 0; m < full.Head.Members.Count; m++)
            {
                Assert.Equal(full.Head.Members[m].Parameters, resumed.Head.Members[m].Parameters);
            }
        }

        Assert.Equal(1, ClassifierCheckpoint.ReadFrom(new MemoryStream(checkpoints[^2])).Member);
    }

    [Fact]
    public void Train_CheckpointOfOtherData_IsRefused()
    {
        var rows = SyntheticClusters.Make(classes: 4, perClass: 20, dimensions: 8, noise: 0.8f, seed: 4);
        ClassifierCheckpoint? last = null;
        new ClassifierHeadTrainer(Small).Train(rows, Labels, "m", new TrainingHooks(Checkpoint: c => last = c), cancellationToken: Token);
        var other = SyntheticClusters.Make(classes: 4, perClass: 20, dimensions: 8, noise: 0.8f, seed: 5);

        Assert.Throws<InvalidOperationException>(() => new ClassifierHeadTrainer(Small).Train(other, Labels, "m", resumeFrom: last, cancellationToken: Token));
    }

    [Fact]
    public void Train_Cancelled_Throws()
    {
        var rows = SyntheticClusters.Make(classes: 4, perClass: 20, dimensions: 8, noise: 0.8f, seed: 6);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() => new ClassifierHeadTrainer(Small).Train(rows, Labels, "m", cancellationToken: cancel.Token));
    }

    [Fact]
    public void Artifact_RoundTrip_GivesTheSamePredictions()
    {
        var (train, test) = SyntheticClusters.MakePair(classes: 4, perClass: 30, dimensions: 8, noise: 0.8f, seed: 7);
        var head = new ClassifierHeadTrainer(Small).Train(train, Labels, "sentence-transformers/all-MiniLM-L6-v2", cancellationToken: Token).Head
            .WithAnswers(Labels.ToDictionary(l => l, l => $"{{\"intent\":\"{l}\"}}"));
        using var stream = new MemoryStream();

        ClassifierHeadArtifact.Write(head, stream, new Dictionary<string, string> { ["dataset"] = "ds-1" });
        stream.Position = 0;
        var (loaded, facts) = ClassifierHeadArtifact.ReadWithFacts(stream);

        Assert.Equal("sentence-transformers/all-MiniLM-L6-v2", loaded.EmbeddingModelId);
        Assert.Equal(Labels, loaded.Labels);
        Assert.Equal("ds-1", facts["dataset"]);
        Assert.Equal("{\"intent\":\"c\"}", loaded.Answers["c"]);
        for (var i = 0; i < test.Count; i++)
        {
            Assert.Equal(head.Predict(test.Row(i)), loaded.Predict(test.Row(i)));
        }
    }

    [Fact]
    public void Artifact_NotAHead_IsRejected()
    {
        using var stream = new MemoryStream("not an artifact"u8.ToArray());

        Assert.ThrowsAny<Exception>(() => ClassifierHeadArtifact.Read(stream));
    }
}
