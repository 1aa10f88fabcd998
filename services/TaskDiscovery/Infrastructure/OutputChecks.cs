
namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// The check a specialist's answers must pass, from what the teacher answered: one of the labels seen when the task's
/// answers are label-like (the functions seen, for tool calls), valid JSON for JSON answers, otherwise any text.
/// </summary>
public static class OutputChecks
{
    // More distinct answers than this are not a label set but free output.
    private const int MaxLabels = 500;

    public static OutputCheck For(string outputKind, IReadOnlyList<LabelCount> labels, long calls)
    {
        var labelled = labels.Sum(l => l.Calls);
        var labelSet = labels.Count is > 0 and <= MaxLabels && labelled == calls;
        return outputKind switch
        {
            OutputKinds.ToolCall => new OutputCheck(OutputCheck.ToolCallKind,
                Functions: [.. labels.SelectMany(l => l.Label.Split('+')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]),
            OutputKinds.Json when labelSet => new OutputCheck(OutputCheck.LabelKind, Labels: [.. labels.Select(l => l.Label).Order(StringComparer.Ordinal)]),
            OutputKinds.Json => new OutputCheck(OutputCheck.JsonKind),
            _ when labelSet => new OutputCheck(OutputCheck.LabelKind, Labels: [.. labels.Select(l => l.Label).Order(StringComparer.Ordinal)]),
            _ => new OutputCheck(OutputCheck.TextKind),
        };
    }
}
