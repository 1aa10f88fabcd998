using SlmPlatform.Contracts;
using SlmPlatform.Evaluation;
using SlmPlatform.Specialists.Artifacts;

namespace SlmPlatform.Specialists.Quality;

/// <summary>
/// The loop's selective routing, offline and reproducible: a head is trained on the calls a replay would capture,
/// its risk–coverage curve is measured on a held-out share of them (as the evaluation does), the threshold is the one
/// the promotion policy would pick at the bar, and the specialist then meets queries it has never seen. Also the
/// learning curve: coverage at parity as the captured calls grow.
/// </summary>
internal static class SelectiveBenchmark
{
    public static void Run(LabelledVectors replay, LabelledVectors unseenPool, IReadOnlyList<string> labels, string modelId, ClassifierHeadOptions options, double bar, int seeds)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Selective routing at bar {bar:0.00} (lower bound of the 95 % Wilson interval), head {options.EnsembleMembers} members"));
        Console.WriteLine("| captured calls | held-out (calibration) | held-out accuracy | threshold | coverage (held-out) | agreement answered (held-out, 95 % CI) | unseen queries | coverage (unseen) | agreement answered (unseen) | agreement overall (unseen) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |");
        var runs = new[] { (1_000, 0.2), (3_000, 0.1), (3_000, 0.2), (replay.Count + unseenPool.Count - 3_000, 0.2) }
            .SelectMany(r => Enumerable.Range(0, r.Item1 == 3_000 ? seeds : 1).Select(seed => (Size: r.Item1, CalibrationShare: r.Item2, Seed: 5 + seed)));
        foreach (var (size, calibrationShare, seed) in runs)
        {
            // The first captured calls come from the replay, as the loop sees them, then from the rest; the unseen queries
            // are always ones the head never learned from nor was calibrated on.
            var order = Shuffle(replay.Count, 11).Select(i => (Set: 0, Index: i)).Concat(Shuffle(unseenPool.Count, 12).Select(i => (Set: 1, Index: i))).ToList();
            var captured = order.Take(size).ToList();
            var unseen = order.Skip(size).Take(3_000).ToList();
            var capturedRows = Gather(replay, unseenPool, captured);
            var split = StratifiedSplit.Split(capturedRows.Labels, [1 - calibrationShare, calibrationShare], seed);
            var fit = capturedRows.Select(split[0]);
            var heldOut = capturedRows.Select(split[1]);
            var head = new ClassifierHeadTrainer(options).Train(fit, labels, modelId, new TrainingHooks()).Head;

            var curve = RiskCoverage.Curve(AnswerConfidence.EnsembleProbability, [.. Answers(head, heldOut).Select(a => ((double?)a.Confidence, a.Agreed))]);
            var point = RiskCoverage.AtBar(curve, bar);
            var unseenRows = Gather(replay, unseenPool, unseen);
            var online = Answers(head, unseenRows).ToList();
            var threshold = point?.Threshold ?? double.PositiveInfinity;
            var answered = online.Where(a => a.Confidence >= threshold).ToList();
            var agreedAnswered = answered.Count(a => a.Agreed);
            var overall = (agreedAnswered + (online.Count - answered.Count)) / (double)online.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {size:N0} | {heldOut.Count} | {RiskCoverage.AgreementOf(curve.Points[^1]).Value:0.000} | {(point is null ? "–" : point.Threshold.ToString("0.000", CultureInfo.InvariantCulture))} | {point?.Coverage ?? 0:0.000} | {(point is null ? "–" : $"{point.Agreement.Value:0.000} ({point.Agreement.Low:0.000}–{point.Agreement.High:0.000}, n = {point.Answered})")} | {online.Count:N0} | {answered.Count / (double)online.Count:0.000} | {(answered.Count == 0 ? double.NaN : agreedAnswered / (double)answered.Count):0.000} | {overall:0.000} |"));
        }
    }

    private static IEnumerable<(double Confidence, bool Agreed)> Answers(ClassifierHead head, LabelledVectors rows)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            var prediction = head.Predict(rows.Row(i));
            yield return (prediction.Probability, prediction.Label == head.Labels[rows.Labels[i]]);
        }
    }

    private static LabelledVectors Gather(LabelledVectors first, LabelledVectors second, List<(int Set, int Index)> rows)
    {
        var features = new float[rows.Count * first.Dimensions];
        var labels = new int[rows.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var source = rows[r].Set == 0 ? first : second;
            source.Row(rows[r].Index).CopyTo(features.AsSpan(r * first.Dimensions));
            labels[r] = source.Labels[rows[r].Index];
        }

        return new LabelledVectors(features, first.Dimensions, labels);
    }

    private static int[] Shuffle(int count, int seed)
    {
        var order = Enumerable.Range(0, count).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}
