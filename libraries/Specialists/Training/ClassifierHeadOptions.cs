namespace SlmPlatform.Specialists.Training;

/// <summary>
/// Hyper-parameters of the classifier-head trainer. The defaults (5 members of 256 ReLU units, dropout 0.5, L2 1e-3,
/// Adam 1e-3) were chosen on a held-out quarter of BANKING77's training split, never on its test split
/// (bench/Specialists.Quality --explore; docs/specialists.md).
/// </summary>
public sealed record ClassifierHeadOptions
{
    /// <summary>Units of the one ReLU hidden layer; 0 trains softmax regression.</summary>
    public int HiddenUnits { get; init; } = 256;

    /// <summary>1: one head, early-stopped on a held-out share. k &gt; 1: k heads on k stratified folds, averaged.</summary>
    public int EnsembleMembers { get; init; } = 5;

    public int BatchSize { get; init; } = 64;

    public float LearningRate { get; init; } = 0.001f;

    /// <summary>Weight of the L2 penalty ½·λ·‖W‖² on the weights (not the biases).</summary>
    public float L2 { get; init; } = 1e-3f;

    /// <summary>Share of hidden units dropped per row during training (hidden layer only).</summary>
    public float Dropout { get; init; } = 0.5f;

    public float LabelSmoothing { get; init; }

    public int MaxEpochs { get; init; } = 60;

    /// <summary>Epochs without a better validation loss before training stops and the best epoch's weights are kept.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>Share of the training rows held out (stratified) for early stopping when no validation set is given.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    public int Seed { get; init; } = 17;

    /// <summary>Worker threads for the gradient; 0 takes one per processor.</summary>
    public int Threads { get; init; }

    /// <summary>A checkpoint every this many epochs (and at the end).</summary>
    public int CheckpointEveryEpochs { get; init; } = 1;

    /// <summary>Training stops with the best weights so far when this much time has passed.</summary>
    public TimeSpan? TimeLimit { get; init; }

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(HiddenUnits);
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(EnsembleMembers, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LearningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(L2);
        if (Dropout is < 0 or >= 1 || LabelSmoothing is < 0 or >= 1 || ValidationFraction is <= 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Dropout), "Dropout and label smoothing must lie in [0, 1) and the validation fraction in (0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxEpochs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Patience, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(Threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(CheckpointEveryEpochs, 1);
    }
}
