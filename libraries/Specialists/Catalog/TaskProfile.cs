namespace SlmPlatform.Specialists.Catalog;

/// <summary>
/// What the selector knows of a task: its output kind (<c>json</c>, <c>tool_call</c>, <c>text</c>, as task
/// discovery reports it), how many usable examples it has, how many distinct label-like answers and what share of
/// answers are label-like, and the sizes of its prompts and answers (95th percentile tokens) where known.
/// </summary>
public sealed record TaskProfile(
    string OutputKind,
    long Examples,
    int DistinctLabels = 0,
    double LabelledShare = 0,
    int? PromptTokensP95 = null,
    int? OutputTokensP95 = null)
{
    /// <summary>Label-like answers on nearly every call, from a set small against the volume, make a label set.</summary>
    public string OutputForm => OutputKind != OutputForms.ToolCall && LabelledShare >= 0.95 && DistinctLabels >= 2 && DistinctLabels * 2 <= Examples
        ? OutputForms.LabelSet
        : OutputKind is OutputForms.Json or OutputForms.ToolCall ? OutputKind : OutputForms.Text;
}

/// <summary>What the deployment allows: a GPU node for fine-tuning, memory for serving, licences.</summary>
public sealed record SelectionConstraints(bool GpuAvailable = false, double? MaxServingMemoryGb = null, IReadOnlyList<string>? AllowedLicences = null);
