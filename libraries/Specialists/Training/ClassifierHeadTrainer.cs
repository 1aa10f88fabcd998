using SlmPlatform.Specialists.Artifacts;

namespace SlmPlatform.Specialists.Training;

/// <summary>
/// Trains a classifier head on frozen sentence embeddings. With one member, a stratified share of the rows is held
/// out for early stopping; with k members, the rows are cut into k stratified folds and member m stops early on
/// fold m, so every row trains k−1 members and the ensemble (mean of the members' probabilities) has seen all of
/// them. Each member: standardised inputs, mini-batch Adam on cross-entropy with L2, a shuffled order per epoch
/// derived from the seed (a resumed run repeats the same epochs), the best epoch's weights kept. Progress after
/// every epoch; a checkpoint after every <see cref="ClassifierHeadOptions.CheckpointEveryEpochs"/> epochs.
/// </summary>
public sealed class ClassifierHeadTrainer(ClassifierHeadOptions options)
{
    public ClassifierHeadRun Train(
        LabelledVectors rows, IReadOnlyList<string> labels, string embeddingModelId,
        TrainingHooks? hooks = null, ClassifierCheckpoint? resumeFrom = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        options.Validate();
        if (rows.Count < 2 || rows.Labels.Any(l => l < 0 || l >= labels.Count))
        {
            throw new ArgumentException("Training needs at least two rows, each with a class index inside the label set.", nameof(rows));
        }

        var splits = Splits(rows.Labels);
        if (splits.Any(s => s[0].Length == 0 || s[1].Length == 0))
        {
            throw new ArgumentException($"{rows.Count} rows are too few for {options.EnsembleMembers} member(s) with a validation share each.", nameof(rows));
        }

        var fingerprint = TrainingFingerprint.Of(options, rows, labels, embeddingModelId);
        if (resumeFrom is not null && resumeFrom.Fingerprint != fingerprint)
        {
            throw new InvalidOperationException("The checkpoint belongs to another data set or other options.");
        }

        var clock = Stopwatch.StartNew();
        var elapsedBefore = TimeSpan.FromSeconds(resumeFrom?.ElapsedSeconds ?? 0);
        var members = new List<HeadMember>();
        var runs = new List<MemberRun>();
        for (var m = 0; m < splits.Length; m++)
        {
            var (fit, validation) = (rows.Select(splits[m][0]), rows.Select(splits[m][1]));
            var standardiser = Standardiser.Fit(fit);
            if (resumeFrom is not null && m < resumeFrom.Member)
            {
                members.Add(new HeadMember(standardiser, resumeFrom.Completed[m]));
                continue;
            }

            var member = new MemberTrainer(options, m, splits.Length, fingerprint, elapsedBefore, clock, members);
            var run = member.Train(standardiser.Apply(fit), standardiser.Apply(validation), labels.Count, hooks,
                resumeFrom is not null && resumeFrom.Member == m ? resumeFrom : null, cancellationToken);
            members.Add(new HeadMember(standardiser, run.BestParameters));
            runs.Add(run);
        }

        var head = new ClassifierHead(embeddingModelId, labels, rows.Dimensions, options.HiddenUnits, members);
        return new ClassifierHeadRun(head, runs.Sum(r => r.EpochsRun), [.. runs.Select(r => r.BestEpoch)],
            runs.Count == 0 ? double.NaN : runs.Average(r => r.BestValidationLoss), elapsedBefore + clock.Elapsed,
            runs.LastOrDefault()?.StopReason ?? "resumed_complete", [.. runs.SelectMany(r => r.History)]);
    }

    private int[][][] Splits(int[] labels)
    {
        if (options.EnsembleMembers == 1)
        {
            var holdout = StratifiedSplit.Split(labels, [1 - options.ValidationFraction, options.ValidationFraction], options.Seed);
            return [holdout];
        }

        var k = options.EnsembleMembers;
        var folds = StratifiedSplit.Split(labels, [.. Enumerable.Repeat(1.0 / k, k)], options.Seed);
        return [.. Enumerable.Range(0, k).Select(f => new[] { folds.Where((_, j) => j != f).SelectMany(p => p).Order().ToArray(), folds[f] })];
    }
}

/// <summary>Callbacks a training run makes: progress after every epoch, and checkpoints to keep.</summary>
public sealed record TrainingHooks(Action<TrainingProgress>? Progress = null, Action<ClassifierCheckpoint>? Checkpoint = null);

/// <summary>The outcome of a run: the head (each member at its best validation loss), and how the run went.</summary>
public sealed record ClassifierHeadRun(
    ClassifierHead Head, int EpochsRun, IReadOnlyList<int> BestEpochs, double BestValidationLoss, TimeSpan TrainingTime, string StopReason,
    IReadOnlyList<TrainingProgress> History);
