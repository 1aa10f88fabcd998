namespace SlmPlatform.Training.Model;

/// <summary>
/// What a trainer leaves for the registry once its artifact is stored: the base model, the options it trained with,
/// its metrics and artifacts (as the registry stores them), the held-out figures <see cref="ModelTrained"/> carries, and
/// the kind it registers as when that is not the job's kind (a LoRA adapter of a catalog model registers as <c>lora</c>).
/// </summary>
public sealed record TrainedSpecialist(
    string BaseModel, object Hyperparameters, object Metrics, object Artifacts, int TestExamples, double TestAccuracy, double TestMacroF1, string? Kind = null);
