namespace SlmPlatform.Training.Model;

/// <summary>
/// Body of <c>POST /api/finetune-jobs</c>. <c>kind</c> is <c>auto</c> (the selector chooses) or a specialist kind;
/// <c>client_job_id</c> (or the Idempotency-Key header) makes a retried POST return the same job.
/// </summary>
public sealed record FineTuneRequest(
    Guid? TaskId,
    string? Kind = null,
    string? ClientJobId = null,
    int? TimeLimitSeconds = null,
    FineTuneHyperparameters? Hyperparameters = null,
    DatasetRequest? Dataset = null);

/// <summary>
/// Overrides of the trainers' defaults; null keeps the default. The classifier head reads the first nine; the generative
/// trainer reads <c>max_epochs</c>, <c>batch_size</c>, <c>learning_rate</c>, <c>l2</c> (as weight decay),
/// <c>dropout</c>, <c>seed</c> and the model's shape (<c>dimension</c> … <c>tokenizer</c>: <c>word</c> or
/// <c>character</c>). A LoRA fine-tune of a catalog model reads <c>max_epochs</c>, <c>batch_size</c>, <c>learning_rate</c>,
/// <c>dropout</c> and its own <c>lora_method</c> (<c>lora</c> or <c>qlora</c>), <c>lora_rank</c>, <c>lora_alpha</c> and
/// <c>max_seq_length</c>.
/// </summary>
public sealed record FineTuneHyperparameters(
    int? HiddenUnits = null, int? EnsembleMembers = null, int? MaxEpochs = null, int? Patience = null, int? BatchSize = null,
    float? LearningRate = null, float? L2 = null, float? Dropout = null, int? Seed = null,
    int? Dimension = null, int? Layers = null, int? Heads = null, int? FeedForward = null, int? ContextLength = null, string? Tokenizer = null, int? WarmupSteps = null,
    string? LoraMethod = null, int? LoraRank = null, int? LoraAlpha = null, int? MaxSeqLength = null);

/// <summary>How to curate the dataset; null keeps the default.</summary>
public sealed record DatasetRequest(double? NearDuplicateThreshold = null, double? TrainFraction = null, double? ValidationFraction = null, double? TestFraction = null);
