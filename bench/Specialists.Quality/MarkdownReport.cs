namespace SlmPlatform.Specialists.Quality;

internal sealed record RunInfo(DateTime When, int Processors, string LoadBefore, string LoadBeforeTraining, string LoadAfter, bool QuietBefore);

/// <summary>The benchmark's section of docs/specialists.md, between markers so the prose around it stays.</summary>
internal static class MarkdownReport
{
    private const string Start = "<!-- classifier-head-benchmark:start -->";
    private const string End = "<!-- classifier-head-benchmark:end -->";

    public static string Render(RunInfo info, ClassifierHeadOptions options, EmbeddingFigures embedding, HeadResult result)
    {
        var t = result.Test;
        var run = result.Run;
        var lines = new List<string>
        {
            Start,
            Invariant($"Measured {info.When:yyyy-MM-dd HH:mm} UTC on {info.Processors} cores; one-minute load average {info.LoadBefore} before embedding, {info.LoadBeforeTraining} before training, {info.LoadAfter} after{(info.QuietBefore ? string.Empty : " (the machine did not get below 1.5 in the time the run waited: other work shared the cores, so times are pessimistic)")}."),
            string.Empty,
            "| figure | value |",
            "| --- | --- |",
            Invariant($"| test accuracy (n = {t.N}) | **{t.Accuracy:0.0000}** (95 % Wilson interval {t.AccuracyLow:0.0000}–{t.AccuracyHigh:0.0000}) |"),
            Invariant($"| test macro-F1 | {t.MacroF1:0.0000} (95 % bootstrap interval {t.MacroF1Low:0.0000}–{t.MacroF1High:0.0000}) |"),
            Invariant($"| training time (splits, standardisation, every epoch of every member) | **{result.TrainingTime.TotalSeconds:0.0} s** |"),
            Invariant($"| epochs run (all members) / best epoch per member / last stop reason | {run.EpochsRun} / {string.Join(", ", run.BestEpochs)} / {run.StopReason} |"),
            Invariant($"| training rows (train.csv; {(options.EnsembleMembers == 1 ? $"{options.ValidationFraction:P0} held out for early stopping" : $"{options.EnsembleMembers} stratified folds, each member early-stopped on its own fold")}) | {result.TrainRows} |"),
            Invariant($"| head | {options.EnsembleMembers} × {(options.HiddenUnits == 0 ? "softmax regression" : $"MLP, {options.HiddenUnits} ReLU units, dropout {options.Dropout:0.0#}")}, Adam lr {options.LearningRate}, batch {options.BatchSize}, L2 {options.L2:0e0}, label smoothing {options.LabelSmoothing:0.0#}, patience {options.Patience} |"),
            Invariant($"| embedding (all-MiniLM-L6-v2, ONNX Runtime, not part of training time) | {(embedding.Cached ? "vectors from the cache of an earlier run" : $"{embedding.Texts} texts in {embedding.Time.TotalSeconds:0.0} s ({embedding.Texts / embedding.Time.TotalSeconds:0} texts/s)")} |"),
            Invariant($"| head inference on the test vectors | {result.PredictionsPerSecond:0} predictions/s |"),
            End,
        };
        return string.Join('\n', lines);
    }

    public static void WriteInto(string path, string report)
    {
        var text = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        text = start >= 0 && end > start
            ? string.Concat(text.AsSpan(0, start), report, text.AsSpan(end + End.Length))
            : text + (text.Length > 0 ? "\n" : string.Empty) + report + "\n";
        File.WriteAllText(path, text);
    }

    private static string Invariant(FormattableString value) => value.ToString(CultureInfo.InvariantCulture);
}
