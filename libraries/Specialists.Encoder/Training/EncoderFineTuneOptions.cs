namespace SlmPlatform.Specialists.Encoder.Training;

/// <summary>
/// How the encoder is fine-tuned. The defaults are the usual BERT fine-tuning recipe (AdamW, linear warm-up over
/// the first tenth then linear decay, dropout 0.1, batch 32), with a higher learning rate for the freshly
/// initialised head than for the pre-trained encoder; none of them was tuned on a test set.
/// </summary>
public sealed record EncoderFineTuneOptions
{
    public int Epochs { get; init; } = 3;

    /// <summary>Training stops here even if epochs remain; the learning-rate schedule follows whichever ends first.</summary>
    public TimeSpan MaxTrainingTime { get; init; } = TimeSpan.FromMinutes(15);

    public int BatchSize { get; init; } = 32;

    /// <summary>Longer texts are cut; BERT's [CLS] and [SEP] count.</summary>
    public int MaxTokens { get; init; } = 64;

    public double EncoderLearningRate { get; init; } = 1e-4;

    public double HeadLearningRate { get; init; } = 2e-3;

    public double WarmupShare { get; init; } = 0.1;

    public double WeightDecay { get; init; } = 0.01;

    public double Dropout { get; init; } = 0.1;

    public double GradientClipNorm { get; init; } = 1.0;

    public int Seed { get; init; } = 17;

    /// <summary>Torch's intra-op threads; null uses every core.</summary>
    public int? Threads { get; init; }

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxTrainingTime, TimeSpan.Zero, nameof(MaxTrainingTime));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokens, 3, nameof(MaxTokens));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(EncoderLearningRate, 0, nameof(EncoderLearningRate));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(HeadLearningRate, 0, nameof(HeadLearningRate));
        if (WarmupShare is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WarmupShare), WarmupShare, "The warm-up share must be in [0, 1).");
        }
    }
}
