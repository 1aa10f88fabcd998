namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>
/// How good a candidate a task is for a specialist, from 0 to 1: volume × repetitiveness × output regularity.
/// <list type="bullet">
/// <item>volume: log10(1 + calls) / 4, capped at 1 (10,000 calls count fully);</item>
/// <item>repetitiveness: among label-like answers, the share covered by the 50 most common labels; answers that are
/// not label-like count 0.5;</item>
/// <item>regularity: tool calls and labelled JSON 1.0, other JSON 0.8, labelled text 0.9, free text 0.3.</item>
/// </list>
/// </summary>
public static class Suitability
{
    private const int CommonLabels = 50;

    public static double Score(string outputKind, long calls, IReadOnlyList<LabelCount> labels)
    {
        if (calls == 0)
        {
            return 0;
        }

        var volume = Math.Min(1, Math.Log10(1 + calls) / 4);
        var labelled = labels.Sum(l => l.Calls);
        var labelledShare = (double)labelled / calls;
        var commonShare = labelled == 0 ? 0 : (double)labels.OrderByDescending(l => l.Calls).Take(CommonLabels).Sum(l => l.Calls) / labelled;
        var repetitiveness = labelledShare * commonShare + (1 - labelledShare) * 0.5;
        var regularity = outputKind switch
        {
            OutputKinds.ToolCall => 1.0,
            OutputKinds.Json => labelledShare > 0.5 ? 1.0 : 0.8,
            _ => labelledShare > 0.5 ? 0.9 : 0.3,
        };
        return Math.Round(volume * repetitiveness * regularity, 3);
    }
}
