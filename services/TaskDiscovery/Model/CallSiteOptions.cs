namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>How call sites found from their structure are told apart.</summary>
public sealed class CallSiteOptions
{
    public const string SectionName = "CallSites";

    /// <summary>
    /// Cosine similarity of system-prompt embeddings above which a new call site of the same agent and output kind is
    /// the same call site: prompts filled from one template (a customer's name, today's date) score above 0.95,
    /// different instructions well below.
    /// </summary>
    public double SignatureSimilarity { get; set; } = 0.92;

    /// <summary>
    /// Share of words two prompts have in common, in order, above which they are one template with different values
    /// in its slots (see <see cref="PromptTemplates"/>).
    /// </summary>
    public double TemplateWordOverlap { get; set; } = 0.8;
}
