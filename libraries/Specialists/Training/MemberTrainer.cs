using SlmPlatform.Specialists.Artifacts;

namespace SlmPlatform.Specialists.Training;

internal sealed record MemberRun(float[] BestParameters, int EpochsRun, int BestEpoch, double BestValidationLoss, string StopReason, IReadOnlyList<TrainingProgress> History);

/// <summary>The training loop of one ensemble member on already standardised rows.</summary>
internal sealed class MemberTrainer(
    ClassifierHeadOptions options, int member, int members, string fingerprint, TimeSpan elapsedBefore, Stopwatch clock, IReadOnlyList<HeadMember> completed)
{
    public MemberRun Train(LabelledVectors x, LabelledVectors xv, int classes, TrainingHooks? hooks, ClassifierCheckpoint? resume, CancellationToken cancellationToken)
    {
        var network = new HeadNetwork(x.Dimensions, options.HiddenUnits, classes);
        var workers = options.Threads > 0 ? options.Threads : Environment.ProcessorCount;
        var batches = new BatchGradient(network, workers);
        var seed = Seeds.Mix(options.Seed, member);
        var state = resume ?? Fresh(network, seed);
        if (state.Parameters.Length != network.ParameterCount)
        {
            throw new InvalidOperationException("The checkpoint's parameters do not fit the network.");
        }

        var adam = new Adam(network.ParameterCount, options.LearningRate);
        adam.Restore((float[])state.FirstMoment.Clone(), (float[])state.SecondMoment.Clone(), state.AdamSteps);
        var parameters = (float[])state.Parameters.Clone();
        var gradient = new float[network.ParameterCount];
        var stepsPerEpoch = (x.Count + options.BatchSize - 1) / options.BatchSize;
        var history = new List<TrainingProgress>();
        var started = clock.Elapsed;
        var startEpoch = state.Epoch;
        var epoch = state.Epoch;
        var stopReason = "max_epochs";
        while (epoch < options.MaxEpochs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var order = Enumerable.Range(0, x.Count).ToArray();
            new Random(Seeds.Mix(seed, epoch)).Shuffle(order);
            double lossSum = 0;
            for (var start = 0; start < order.Length; start += options.BatchSize)
            {
                var batch = new ArraySegment<int>(order, start, Math.Min(options.BatchSize, order.Length - start));
                var loss = batches.Compute(parameters, x, batch, gradient, options.Dropout, options.LabelSmoothing, (ulong)Seeds.Mix(seed, epoch, start));
                loss += network.AddL2(parameters, gradient, options.L2);
                adam.Step(parameters, gradient);
                lossSum += loss * batch.Count;
            }

            epoch++;
            var (validationLoss, validationAccuracy) = HeadEvaluation.LossAndAccuracy(network, parameters, xv, workers);
            state = validationLoss < state.BestValidationLoss - 1e-5
                ? state with { BestValidationLoss = validationLoss, BestEpoch = epoch, BestParameters = (float[])parameters.Clone(), EpochsWithoutImprovement = 0 }
                : state with { EpochsWithoutImprovement = state.EpochsWithoutImprovement + 1 };

            var elapsed = elapsedBefore + clock.Elapsed;
            var perEpoch = (clock.Elapsed - started) / (epoch - startEpoch);
            // An upper bound: this member's remaining epochs and every later member's maximum.
            var remainingEpochs = options.MaxEpochs - epoch + (members - member - 1) * options.MaxEpochs;
            var progress = new TrainingProgress(member, members, epoch, options.MaxEpochs,
                (long)(member * options.MaxEpochs + epoch) * stepsPerEpoch, (long)members * options.MaxEpochs * stepsPerEpoch,
                lossSum / x.Count, validationLoss, validationAccuracy, elapsed, perEpoch * remainingEpochs);
            history.Add(progress);
            hooks?.Progress?.Invoke(progress);

            var stop = state.EpochsWithoutImprovement >= options.Patience ? "early_stopping"
                : options.TimeLimit is { } limit && elapsed >= limit ? "time_limit"
                : epoch >= options.MaxEpochs ? "max_epochs"
                : null;
            if (hooks?.Checkpoint is { } save && (epoch % options.CheckpointEveryEpochs == 0 || stop is not null))
            {
                save(state with
                {
                    Fingerprint = fingerprint, Member = member, Completed = [.. completed.Select(c => c.Parameters)], Epoch = epoch, AdamSteps = adam.Steps,
                    Parameters = (float[])parameters.Clone(), FirstMoment = (float[])adam.FirstMoment.Clone(), SecondMoment = (float[])adam.SecondMoment.Clone(),
                    ElapsedSeconds = elapsed.TotalSeconds,
                });
            }

            if (stop is not null)
            {
                stopReason = stop;
                break;
            }
        }

        if (stopReason == "time_limit")
        {
            throw new TimeoutException($"Training passed its time limit of {options.TimeLimit} during member {member + 1} of {members}.");
        }

        return new MemberRun(state.BestParameters, epoch, state.BestEpoch, state.BestValidationLoss, stopReason, history);
    }

    private ClassifierCheckpoint Fresh(HeadNetwork network, int seed)
    {
        var parameters = network.Initialise(seed);
        return new ClassifierCheckpoint(fingerprint, member, [], 0, 0, parameters, new float[parameters.Length], new float[parameters.Length],
            (float[])parameters.Clone(), double.PositiveInfinity, 0, 0, 0);
    }
}
