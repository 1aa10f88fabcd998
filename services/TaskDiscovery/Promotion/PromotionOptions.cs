namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>Section <c>Promotion</c>: the default policy of tenants that set none, and how often online figures are read.</summary>
public sealed class PromotionOptions
{
    public const string SectionName = "Promotion";

    public PromotionPolicy Default { get; set; } = new();

    /// <summary>Seconds between the policy's rounds over promoted specialists' online agreement.</summary>
    public int IntervalSeconds { get; set; } = 30;
}
