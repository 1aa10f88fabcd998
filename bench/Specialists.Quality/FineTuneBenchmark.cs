using SlmPlatform.Contracts;
using SlmPlatform.Evaluation;
using SlmPlatform.Specialists.Encoder.Training;
using SlmPlatform.Specialists.Evaluation;

namespace SlmPlatform.Specialists.Quality;

/// <summary>
/// The frozen-vector head against MiniLM fine-tuned end to end (and the head again on the fine-tuned vectors), on
/// BANKING77's full training split, scored on its test split: accuracy, and selective routing at the bar with the
/// threshold calibrated on one half of the test split and measured on the other.
/// </summary>
internal static class FineTuneBenchmark
{
    private sealed record Scored(string Name, TimeSpan Time, ClassificationReport Report, double[] Confidence, bool[] Correct);

    public static async Task RunAsync(Banking77 trainSet, Banking77 testSet, LabelledVectors train, LabelledVectors test, IReadOnlyList<string> labels,
        string modelId, ClassifierHeadOptions headOptions, EmbeddingFigures embedding, TimeSpan budget, double bar)
    {
        var trainLabels = Classes(trainSet, labels);
        var testLabels = Classes(testSet, labels);
        var results = new List<Scored>();

        var clock = Stopwatch.StartNew();
        var frozen = new ClassifierHeadTrainer(headOptions).Train(train, labels, modelId, new TrainingHooks()).Head;
        results.Add(ScoreHead("frozen MiniLM vectors + head (the platform's default)", frozen, test, testLabels, clock.Elapsed + (embedding.Cached ? TimeSpan.Zero : embedding.Time)));

        clock.Restart();
        var progress = new Progress<EncoderTrainingProgress>(p => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  step {p.Step}/{p.PlannedSteps}  epoch {p.Epoch}  loss {p.Loss:0.0000}  {p.Elapsed.TotalSeconds:0} s  {p.ExamplesPerSecond:0.0} examples/s")));
        using var tuned = await Task.Factory.StartNew(
            () => EncoderFineTuner.Train(trainSet.Texts, trainLabels, labels, new EncoderFineTuneOptions { MaxTrainingTime = budget }, progress),
            TaskCreationOptions.LongRunning);
        var tuningTime = clock.Elapsed;
        var probabilities = tuned.Predict(testSet.Texts);
        results.Add(Score("MiniLM fine-tuned end to end (TorchSharp, CPU)", tuningTime, testLabels, labels,
            probabilities.Select(p => (p.Label, p.Probability)).ToArray()));

        clock.Restart();
        var tunedTrain = new LabelledVectors(tuned.Embed(trainSet.Texts), tuned.Shape.Dimension, trainLabels);
        var tunedTest = new LabelledVectors(tuned.Embed(testSet.Texts), tuned.Shape.Dimension, testLabels);
        var onTuned = new ClassifierHeadTrainer(headOptions).Train(tunedTrain, labels, modelId + "+fine-tuned", new TrainingHooks()).Head;
        results.Add(ScoreHead("head on the fine-tuned vectors", onTuned, tunedTest, testLabels, tuningTime + clock.Elapsed));

        Print(results, bar, budget);
    }

    private static Scored ScoreHead(string name, Artifacts.ClassifierHead head, LabelledVectors test, int[] truth, TimeSpan time)
    {
        var answers = Enumerable.Range(0, test.Count).Select(i => head.Predict(test.Row(i))).Select(p => (p.Label, (double)p.Probability)).ToArray();
        return Score(name, time, truth, head.Labels, answers);
    }

    private static Scored Score(string name, TimeSpan time, int[] truth, IReadOnlyList<string> labels, (string Label, double Probability)[] answers)
    {
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        var predicted = answers.Select(a => index[a.Label]).ToArray();
        var report = ClassificationReport.Compute(truth, predicted, labels.Count);
        return new Scored(name, time, report, [.. answers.Select(a => a.Probability)], [.. truth.Select((t, i) => t == predicted[i])]);
    }

    private static void Print(List<Scored> results, double bar, TimeSpan budget)
    {
        // Calibrate on the even positions of a fixed shuffle of the test split, measure on the odd ones.
        var order = Enumerable.Range(0, results[0].Correct.Length).ToArray();
        new Random(23).Shuffle(order);
        var calibration = order.Where((_, i) => i % 2 == 0).ToArray();
        var measured = order.Where((_, i) => i % 2 == 1).ToArray();
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Fine-tuning budget {budget.TotalMinutes:0.#} min; selective routing at bar {bar:0.00} (threshold from {calibration.Length} test queries, measured on the other {measured.Length})"));
        Console.WriteLine("| specialist | training wall-clock | test accuracy (95 % CI) | macro-F1 | threshold | coverage | agreement answered | agreement overall |");
        Console.WriteLine("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            var curve = RiskCoverage.Curve(AnswerConfidence.EnsembleProbability, [.. calibration.Select(i => ((double?)r.Confidence[i], r.Correct[i]))]);
            var threshold = RiskCoverage.AtBar(curve, bar)?.Threshold ?? double.PositiveInfinity;
            var answered = measured.Where(i => r.Confidence[i] >= threshold).ToArray();
            var agreed = answered.Count(i => r.Correct[i]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Time.TotalMinutes:0.0} min | **{r.Report.Accuracy:0.000}** ({r.Report.AccuracyLow:0.000}–{r.Report.AccuracyHigh:0.000}) | {r.Report.MacroF1:0.000} | {threshold:0.000} | {answered.Length / (double)measured.Length:0.000} | {(answered.Length == 0 ? double.NaN : agreed / (double)answered.Length):0.000} | {(agreed + measured.Length - answered.Length) / (double)measured.Length:0.000} |"));
        }
    }

    private static int[] Classes(Banking77 set, IReadOnlyList<string> labels)
    {
        var index = labels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        return [.. set.Labels.Select(l => index[set.Categories[l]])];
    }
}
