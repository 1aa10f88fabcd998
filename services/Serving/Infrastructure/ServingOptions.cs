namespace SlmPlatform.Serving.Infrastructure;

public sealed class ServingOptions
{
    public const string SectionName = "Serving";

    /// <summary>Memory the loaded specialists may take together; the least recently used are unloaded to make room.</summary>
    public long MemoryBudgetBytes { get; set; } = 4L << 30;

    /// <summary>The artifact store's folder, shared with the training service (a volume in the cloud).</summary>
    public string ArtifactsPath { get; set; } = "artifacts";

    /// <summary>The training service, whose registry says which specialists exist.</summary>
    public Uri TrainingUrl { get; set; } = new("http://training");
}
