namespace SlmPlatform.Training.Apis;

/// <summary>
/// The most a fine-tune request may ask of one job, whatever its trainer: beyond these a job would hold the training
/// service (and every other tenant's jobs behind it) for days or run out of memory, and no task here needs more.
/// The trainers check the lower bounds and their own shape rules.
/// </summary>
public static class HyperparameterLimits
{
    private static readonly (string Field, Func<FineTuneHyperparameters, double?> Value, double Max)[] Limits =
    [
        ("hidden_units", h => h.HiddenUnits, 4096),
        ("ensemble_members", h => h.EnsembleMembers, 16),
        ("max_epochs", h => h.MaxEpochs, 1000),
        ("patience", h => h.Patience, 1000),
        ("batch_size", h => h.BatchSize, 4096),
        ("learning_rate", h => h.LearningRate, 1),
        ("l2", h => h.L2, 1),
        ("dimension", h => h.Dimension, 2048),
        ("layers", h => h.Layers, 48),
        ("heads", h => h.Heads, 64),
        ("feed_forward", h => h.FeedForward, 16384),
        ("context_length", h => h.ContextLength, 8192),
        ("warmup_steps", h => h.WarmupSteps, 100_000),
        ("lora_rank", h => h.LoraRank, 512),
        ("lora_alpha", h => h.LoraAlpha, 4096),
        ("max_seq_length", h => h.MaxSeqLength, 32_768),
    ];

    /// <summary>Adds an error for each field above its limit, keyed <c>hyperparameters.field</c>.</summary>
    public static void Check(FineTuneHyperparameters hyperparameters, Dictionary<string, string[]> errors)
    {
        foreach (var (field, value, max) in Limits)
        {
            if (value(hyperparameters) is { } given && (given > max || double.IsNaN(given)))
            {
                errors[$"hyperparameters.{field}"] = [$"Must be at most {max.ToString(System.Globalization.CultureInfo.InvariantCulture)}."];
            }
        }
    }
}
