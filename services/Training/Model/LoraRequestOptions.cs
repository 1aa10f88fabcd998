using SlmPlatform.Specialists.Kubernetes;

namespace SlmPlatform.Training.Model;

/// <summary>A request's overrides applied to the LoRA recipe's defaults (deploy/training/train_lora.py), checked as the recipe checks them.</summary>
public static class LoraRequestOptions
{
    public static LoraHyperparameters ToLoraHyperparameters(this FineTuneHyperparameters? h)
    {
        var o = new LoraHyperparameters();
        return h is null ? o : o with
        {
            Method = h.LoraMethod ?? o.Method,
            Rank = h.LoraRank ?? o.Rank,
            Alpha = h.LoraAlpha ?? o.Alpha,
            // Through decimal: the request's float 2e-4 becomes 0.0002 on the recipe's command line, not 0.000199999995.
            Dropout = h.Dropout is { } dropout ? (double)(decimal)dropout : o.Dropout,
            Epochs = h.MaxEpochs ?? o.Epochs,
            LearningRate = h.LearningRate is { } rate ? (double)(decimal)rate : o.LearningRate,
            MaxSeqLength = h.MaxSeqLength ?? o.MaxSeqLength,
            BatchSize = h.BatchSize ?? o.BatchSize,
        };
    }

    /// <summary>Refuses what the recipe would refuse (exit code 2), so the request fails at once and not on the GPU node.</summary>
    public static void Validate(this LoraHyperparameters h)
    {
        ArgumentNullException.ThrowIfNull(h);
        if (h.Method is not ("lora" or "qlora"))
        {
            throw Refused("LoraMethod", "Must be lora or qlora.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(h.Rank, 1, "LoraRank");
        ArgumentOutOfRangeException.ThrowIfLessThan(h.Alpha, 1, "LoraAlpha");
        if (h.Dropout is < 0 or >= 1)
        {
            throw Refused("Dropout", "Must be in [0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(h.Epochs, 0, "MaxEpochs");
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(h.LearningRate, 0, "LearningRate");
        ArgumentOutOfRangeException.ThrowIfLessThan(h.MaxSeqLength, 16, "MaxSeqLength");
        ArgumentOutOfRangeException.ThrowIfLessThan(h.BatchSize, 1, "BatchSize");
    }

    // Named for the request's field (the validator reports it as such), not for a parameter of Validate.
    private static ArgumentOutOfRangeException Refused(string field, string message) => new(field, message);
}
