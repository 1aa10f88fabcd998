using SlmPlatform.Specialists.Datasets;
using SlmPlatform.Specialists.Training;

namespace SlmPlatform.Training.Model;

/// <summary>A request's overrides applied to the trainers' and the dataset builder's defaults.</summary>
public static class RequestOptions
{
    public static ClassifierHeadOptions ToOptions(this FineTuneHyperparameters? h)
    {
        var o = new ClassifierHeadOptions();
        return h is null ? o : o with
        {
            HiddenUnits = h.HiddenUnits ?? o.HiddenUnits,
            EnsembleMembers = h.EnsembleMembers ?? o.EnsembleMembers,
            MaxEpochs = h.MaxEpochs ?? o.MaxEpochs,
            Patience = h.Patience ?? o.Patience,
            BatchSize = h.BatchSize ?? o.BatchSize,
            LearningRate = h.LearningRate ?? o.LearningRate,
            L2 = h.L2 ?? o.L2,
            Dropout = h.Dropout ?? o.Dropout,
            Seed = h.Seed ?? o.Seed,
        };
    }

    public static DatasetOptions ToOptions(this DatasetRequest? d)
    {
        var o = new DatasetOptions();
        return d is null ? o : o with
        {
            NearDuplicateThreshold = d.NearDuplicateThreshold ?? o.NearDuplicateThreshold,
            TrainFraction = d.TrainFraction ?? o.TrainFraction,
            ValidationFraction = d.ValidationFraction ?? o.ValidationFraction,
            TestFraction = d.TestFraction ?? o.TestFraction,
        };
    }
}
