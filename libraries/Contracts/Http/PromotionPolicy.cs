using System.Text.Json.Serialization;

namespace SlmPlatform.Contracts.Http;

// The tasks service's promotion policy (GET/PUT /api/promotion-policy), as it answers and as the console edits it.

/// <summary>
/// A tenant's promotion policy. <c>approval</c> <see cref="Approvals.Automatic"/> lets the policy move a specialist
/// through shadow → canary → full and demote it; <see cref="Approvals.Manual"/> only records what it recommends, for
/// a person to approve or reject (<c>POST /api/tasks/{id}/promotions/{decision}/approve</c>) or to act on otherwise through
/// <c>PUT /api/tasks/{id}/specialist</c>. <see cref="Bar"/> is the share of the teacher's
/// quality a specialist must reach, judged on the lower bound of its 95 % interval (the teacher agrees with itself:
/// its quality is 1). A specialist that says how sure it is answers only the calls it is sure enough of, the threshold
/// chosen so that it reaches the bar on them, and must answer at least <see cref="MinCoverage"/> of the held-out calls
/// that way. <see cref="MinOnlineSamples"/> comparisons are needed before an online figure moves anything.
/// A served task is retrained when its calls grew by <see cref="RetrainGrowth"/> since the promotion, or when the
/// teacher answers with a label the specialist does not know in at least <see cref="NewLabelCalls"/> calls.
/// A field it does not know is refused (400), not ignored: a misspelt setting would otherwise leave its default in
/// force without a word.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record PromotionPolicy(
    string Approval = Approvals.Automatic,
    double Bar = 0.95,
    double CanaryShare = 0.1,
    double Sample = 0.05,
    int MinOnlineSamples = 100,
    double RetrainGrowth = 0.5,
    int NewLabelCalls = 5,
    double MinCoverage = 0.5)
{
    /// <summary>Every field's problem, or none.</summary>
    public Dictionary<string, string[]> Problems()
    {
        var errors = new Dictionary<string, string[]>();
        if (Approval is not (Approvals.Automatic or Approvals.Manual))
        {
            errors["approval"] = [$"Must be '{Approvals.Automatic}' or '{Approvals.Manual}'."];
        }

        if (!(Bar > 0 && Bar <= 1))
        {
            errors["bar"] = ["Must be more than 0 and at most 1."];
        }

        if (!(CanaryShare > 0 && CanaryShare <= 1))
        {
            errors["canary_share"] = ["Must be more than 0 and at most 1."];
        }

        if (!(Sample > 0 && Sample <= 1))
        {
            errors["sample"] = ["Must be more than 0 and at most 1: without samples a promoted specialist is never checked again."];
        }

        if (MinOnlineSamples < 1)
        {
            errors["min_online_samples"] = ["Must be at least 1."];
        }

        if (!(RetrainGrowth > 0))
        {
            errors["retrain_growth"] = ["Must be more than 0 (0.5: retrain once the task has half as many calls again)."];
        }

        if (!(MinCoverage > 0 && MinCoverage <= 1))
        {
            errors["min_coverage"] = ["Must be more than 0 and at most 1: the least share of calls a specialist must answer at the bar."];
        }

        if (NewLabelCalls < 1)
        {
            errors["new_label_calls"] = ["Must be at least 1."];
        }

        return errors;
    }
}

public static class Approvals
{
    public const string Automatic = "automatic";
    public const string Manual = "manual";
}
