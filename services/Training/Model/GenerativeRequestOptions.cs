using SlmPlatform.Specialists.Generative;

namespace SlmPlatform.Training.Model;

/// <summary>A request's overrides applied to the generative trainer's defaults (the BANKING77 recipe).</summary>
public static class GenerativeRequestOptions
{
    public static GenerativeTrainingOptions ToGenerativeOptions(this FineTuneHyperparameters? h)
    {
        // The job scores exact match on the test split itself, through the exported GGUF that serving runs; the
        // trainer's own score on the validation split would only add minutes.
        var o = new GenerativeTrainingOptions { FinalExactMatchSamples = 0 };
        return h is null ? o : o with
        {
            Epochs = h.MaxEpochs ?? o.Epochs,
            BatchSize = h.BatchSize ?? o.BatchSize,
            LearningRate = h.LearningRate ?? o.LearningRate,
            WeightDecay = h.L2 ?? o.WeightDecay,
            Dropout = h.Dropout ?? o.Dropout,
            Seed = h.Seed ?? o.Seed,
            Dimension = h.Dimension ?? o.Dimension,
            Layers = h.Layers ?? o.Layers,
            Heads = h.Heads ?? o.Heads,
            FeedForward = h.FeedForward ?? o.FeedForward,
            ContextLength = h.ContextLength ?? o.ContextLength,
            WarmupSteps = h.WarmupSteps ?? o.WarmupSteps,
            Tokenizer = h.Tokenizer is null ? o.Tokenizer : ParseTokenizer(h.Tokenizer),
        };
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> named after the request field that is out of range.</summary>
    public static void Validate(this GenerativeTrainingOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Epochs, 1, "MaxEpochs");
        ArgumentOutOfRangeException.ThrowIfLessThan(o.BatchSize, 1, nameof(o.BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(o.LearningRate, nameof(o.LearningRate));
        ArgumentOutOfRangeException.ThrowIfNegative(o.WeightDecay, "L2");
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Layers, 1, nameof(o.Layers));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.Heads, 1, nameof(o.Heads));
        ArgumentOutOfRangeException.ThrowIfLessThan(o.ContextLength, 8, nameof(o.ContextLength));
        ArgumentOutOfRangeException.ThrowIfNegative(o.WarmupSteps, nameof(o.WarmupSteps));
        if (o.Dropout is < 0 or >= 1)
        {
            throw OutOfRange(nameof(o.Dropout), "Dropout must lie in [0, 1).");
        }

        // LlamaShape's own rules, checked here so that a bad request is refused at the API, not an hour into a job.
        if (o.Dimension < 32 || o.Dimension % 32 != 0 || o.Dimension % o.Heads != 0 || o.Dimension / o.Heads % 2 != 0)
        {
            throw OutOfRange(nameof(o.Dimension), "The dimension must be a multiple of 32 that splits into heads of even width.");
        }

        if (o.FeedForward < 32 || o.FeedForward % 32 != 0)
        {
            throw OutOfRange(nameof(o.FeedForward), "The feed-forward width must be a positive multiple of 32.");
        }
    }

    private static TokenizerKind ParseTokenizer(string value) => Enum.TryParse<TokenizerKind>(value, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
        ? kind
        : throw OutOfRange("Tokenizer", "The tokenizer is 'word' or 'character'.");

    // Named after the request field (the API's validator reports it), not after a parameter of these methods.
    private static ArgumentOutOfRangeException OutOfRange(string field, string message) => new(field, message);
}
