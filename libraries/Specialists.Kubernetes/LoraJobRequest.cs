namespace SlmPlatform.Specialists.Kubernetes;

/// <summary>
/// One LoRA / QLoRA fine-tune of a catalog model on an exported dataset. Paths are inside the artifact volume the job
/// mounts (<see cref="LoraJobOptions.ArtifactsMountPath"/>): the training service exports there and reads the adapter back.
/// </summary>
public sealed record LoraJobRequest(
    Guid JobId,
    string BaseModel,
    string? OllamaBase,
    string DatasetPath,
    string? ValidationPath,
    string OutputPath,
    LoraHyperparameters Hyperparameters);

/// <summary>The recipe's knobs (deploy/training/train_lora.py), with its defaults.</summary>
public sealed record LoraHyperparameters(
    string Method = "lora",
    int Rank = 16,
    int Alpha = 32,
    double Dropout = 0.05,
    double Epochs = 2,
    double LearningRate = 2e-4,
    int MaxSeqLength = 2048,
    int BatchSize = 8);
