namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>Section <c>Promotion</c>: the default policy of tenants that set none, and how often online figures are read.</summary>
public sealed class PromotionOptions
{
    public const string SectionName = "Promotion";

    public PromotionPolicy Default { get; set; } = new();

    /// <summary>Seconds between the checks every served task's promotion is asked for (routing tallies ask sooner).</summary>
    public int IntervalSeconds { get; set; } = 30;
}
