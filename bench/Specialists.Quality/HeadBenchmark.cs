using SlmPlatform.Specialists.Evaluation;

namespace SlmPlatform.Specialists.Quality;

internal sealed record EmbeddingFigures(int Texts, TimeSpan Time, bool Cached);

internal sealed record HeadResult(ClassifierHeadRun Run, TimeSpan TrainingTime, ClassificationReport Test, double PredictionsPerSecond, int TrainRows);

/// <summary>One timed run: split, train (the split and standardisation count as training time), evaluate on the test split.</summary>
internal static class HeadBenchmark
{
    public static HeadResult Run(LabelledVectors all, LabelledVectors test, IReadOnlyList<string> labels, string modelId, ClassifierHeadOptions options, bool verbose = true)
    {
        var clock = Stopwatch.StartNew();
        var run = new ClassifierHeadTrainer(options).Train(all, labels, modelId, new TrainingHooks(Progress: !verbose ? null : p =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  member {p.Member + 1}/{p.Members}  epoch {p.Epoch,3}/{p.MaxEpochs}  train loss {p.TrainLoss:0.0000}  validation loss {p.ValidationLoss:0.0000}  accuracy {p.ValidationAccuracy:0.0000}  {p.Elapsed.TotalSeconds:0.0} s  eta {p.Eta.TotalSeconds:0} s"))));
        var trainingTime = clock.Elapsed;

        var scoring = Stopwatch.StartNew();
        var (report, _) = HeadEvaluator.Evaluate(run.Head, test);
        var perSecond = test.Count / scoring.Elapsed.TotalSeconds;
        return new HeadResult(run, trainingTime, report, perSecond, all.Count);
    }
}
