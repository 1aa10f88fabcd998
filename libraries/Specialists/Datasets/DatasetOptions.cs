namespace SlmPlatform.Specialists.Datasets;

/// <summary>How a dataset is curated; part of its content hash, so other options make another version.</summary>
public sealed record DatasetOptions
{
    /// <summary>Cosine similarity of input embeddings at or above which a later call counts as a near duplicate; null skips the check.</summary>
    public double? NearDuplicateThreshold { get; init; } = 0.98;

    public double TrainFraction { get; init; } = 0.7;

    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>
    /// A fifth of the calls: the evaluation's risk–coverage curve, from which the promotion policy takes a specialist's
    /// confidence threshold, is too much at the mercy of a few confident disagreements on a tenth of ~3,000 calls
    /// (docs/adr/0008-selective-routing-at-parity.md).
    /// </summary>
    public double TestFraction { get; init; } = 0.2;

    public int Seed { get; init; } = 77;

    public void Validate()
    {
        if (TrainFraction <= 0 || ValidationFraction < 0 || TestFraction < 0 || Math.Abs(TrainFraction + ValidationFraction + TestFraction - 1) > 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(TrainFraction), "The split fractions must be non-negative, with a positive training share, and add up to 1.");
        }

        if (NearDuplicateThreshold is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(NearDuplicateThreshold), "The threshold is a cosine similarity between 0 and 1.");
        }
    }
}
