
namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// When a served task needs a new specialist beside the demotion on drift: the task has grown enough that a model
/// trained on more of its calls may do better, or the teacher now answers with labels the specialist cannot give.
/// </summary>
public static class RetrainingRules
{
    /// <summary>Why to retrain, with the cause's key (so each cause is acted on once), or null.</summary>
    public static (string Key, string Reason)? Check(PromotionPolicy policy, TaskSpecialist specialist, long calls, IReadOnlyList<LabelCount> labels)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(specialist);
        ArgumentNullException.ThrowIfNull(labels);
        if (specialist.Check is { Kind: OutputCheck.LabelKind, Labels: { } known })
        {
            var fresh = labels.Where(l => l.Calls >= policy.NewLabelCalls && !known.Contains(l.Label, StringComparer.Ordinal))
                .Select(l => l.Label).Order(StringComparer.Ordinal).ToList();
            if (fresh.Count > 0)
            {
                return ($"labels:{string.Join('|', fresh)}", $"The teacher now answers with labels the specialist does not know: {string.Join(", ", fresh)}.");
            }
        }

        return specialist.CallsAtPromotion > 0 && calls >= specialist.CallsAtPromotion * (1 + policy.RetrainGrowth)
            ? ("growth", $"The task grew from {specialist.CallsAtPromotion} to {calls} calls since the specialist was promoted.")
            : null;
    }
}
