namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>Section <c>Promotion</c>: the default policy of tenants that set none, and how often online figures are read.</summary>
public sealed class PromotionOptions
{
    public const string SectionName = "Promotion";

    public PromotionPolicy Default { get; set; } = new();

    /// <summary>Seconds between the checks every served task's promotion is asked for (routing tallies ask sooner).</summary>
    public int IntervalSeconds { get; set; } = 30;

    /// <summary>
    /// Where a model the policy puts in shadow is deployed before any call is routed to it: <c>vllm</c> or <c>ollama</c>
    /// (GPU servers that must load it first), or <c>embedded</c>. Empty (the default): models are served where serving
    /// keeps them, loaded on their first call, and routes change at once.
    /// </summary>
    public string? DeployTarget { get; set; }
}
