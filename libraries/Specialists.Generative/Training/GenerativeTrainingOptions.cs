namespace SlmPlatform.Specialists.Generative;

/// <summary>Hyper-parameters of the tiny generative specialist. The defaults are the BANKING77 recipe measured in
/// docs/specialists-generative.md (2 CPU cores); tests shrink them.</summary>
public sealed record GenerativeTrainingOptions
{
    public TokenizerKind Tokenizer { get; init; } = TokenizerKind.Word;

    /// <summary>Most word tokens the <see cref="TokenizerKind.Word"/> tokenizer keeps.</summary>
    public int MaxWords { get; init; } = 4000;

    public int Dimension { get; init; } = 128;

    public int Layers { get; init; } = 4;

    public int Heads { get; init; } = 4;

    public int FeedForward { get; init; } = 384;

    /// <summary>Longest sequence (prompt and answer); longer prompts keep their beginning.</summary>
    public int ContextLength { get; init; } = 96;

    public bool TiedEmbeddings { get; init; } = true;

    public int Epochs { get; init; } = 30;

    public int BatchSize { get; init; } = 32;

    public double LearningRate { get; init; } = 3e-3;

    /// <summary>Where the cosine schedule ends, as a fraction of <see cref="LearningRate"/>.</summary>
    public double MinLearningRateRatio { get; init; } = 0.05;

    public int WarmupSteps { get; init; } = 100;

    public double WeightDecay { get; init; } = 0.1;

    public double GradientClipNorm { get; init; } = 1.0;

    public double Dropout { get; init; } = 0.1;

    /// <summary>Wall-clock budget (across resumes); the cosine schedule then anneals by time as well as by step.</summary>
    public TimeSpan? MaxTrainingTime { get; init; }

    /// <summary>Steps between validation-loss measurements (and progress reports carrying them).</summary>
    public int EvaluationInterval { get; init; } = 200;

    /// <summary>Steps between checkpoints; one is also written on cancellation and at the end.</summary>
    public int CheckpointInterval { get; init; } = 200;

    /// <summary>Steps between plain progress reports (loss, rate, ETA).</summary>
    public int ProgressInterval { get; init; } = 10;

    /// <summary>Validation examples scored by greedy exact match at the end of training (0: none, null: all).</summary>
    public int? FinalExactMatchSamples { get; init; } = 500;

    public int Seed { get; init; } = 1;

    /// <summary>Torch intra-op threads; null uses every core.</summary>
    public int? Threads { get; init; }
}
