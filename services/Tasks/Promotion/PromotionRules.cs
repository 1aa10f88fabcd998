using SlmPlatform.Evaluation;
using SlmPlatform.Routing;

namespace SlmPlatform.Tasks.Promotion;

/// <summary>A decision of the rules: what to do, and the figures it rests on.</summary>
public sealed record PromotionVerdict(string Action, string Reason, double? Agreement = null, double? AgreementLower = null, long? Examples = null);

/// <summary>
/// The promotion policy's rules, free of I/O. A newly evaluated model must reach the bar on the lower bound of its
/// offline agreement, and beat the model already serving on the same held-out set, to enter shadow. Online agreement
/// (shadow comparisons, then the teacher samples of canary and full) moves it on once its lower bound reaches the bar,
/// and demotes it once even its upper bound is below the bar.
/// </summary>
public static class PromotionRules
{
    /// <summary>The verdict on an offline evaluation; <paramref name="servingAgreement"/> is the serving model's on the same
    /// test set; <paramref name="demotedBefore"/> says live calls already showed this model below the bar for this task.</summary>
    public static PromotionVerdict OnEvaluated(
        PromotionPolicy policy, ModelEvaluated evaluation, TaskSpecialist? serving, double? servingAgreement, bool demotedBefore = false)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(evaluation);
        var figures = $"{evaluation.Measure} {evaluation.Agreement:0.000} (95 % CI {evaluation.AgreementLower:0.000}–{evaluation.AgreementUpper:0.000}, n = {evaluation.Examples})";
        PromotionVerdict Verdict(string action, string reason) => new(action, reason, evaluation.Agreement, evaluation.AgreementLower, evaluation.Examples);

        if (serving?.ModelId == evaluation.ModelId)
        {
            return Verdict(PromotionActions.Keep, $"Already serves this task; re-evaluated at {figures}.");
        }

        if (demotedBefore)
        {
            return Verdict(PromotionActions.Reject, $"{figures}, but live calls already showed this model below the bar for this task; it was demoted.");
        }

        if (evaluation.AgreementLower < policy.Bar)
        {
            return Verdict(PromotionActions.Reject, $"{figures}: the lower bound is below the bar {policy.Bar:0.00}.");
        }

        if (serving is not null && servingAgreement is { } incumbent && evaluation.Agreement <= incumbent)
        {
            return Verdict(PromotionActions.Keep, $"{figures} does not beat the serving model's {incumbent:0.000} on the same test set.");
        }

        return Verdict(PromotionActions.Shadow, serving is null
            ? $"{figures} reaches the bar {policy.Bar:0.00}; shadow first, to be checked on live calls."
            : $"{figures} reaches the bar and beats the serving model's {servingAgreement:0.000} on the same test set; shadow first.");
    }

    /// <summary>The verdict on online agreement since the specialist took its mode; null when there is nothing to do yet.</summary>
    public static PromotionVerdict? OnOnline(PromotionPolicy policy, TaskSpecialist serving, long compared, long agreed)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(serving);
        if (compared < policy.MinOnlineSamples || compared > int.MaxValue)
        {
            return null;
        }

        var online = new Proportion((int)agreed, (int)compared);
        var figures = $"online agreement {online.Value:0.000} (95 % CI {online.Low:0.000}–{online.High:0.000}, n = {compared}) in {serving.Mode}";
        PromotionVerdict Verdict(string action, string reason) => new(action, reason, online.Value, online.Low, compared);

        if (online.High < policy.Bar)
        {
            return Verdict(PromotionActions.Demote, $"{figures}: even the upper bound is below the bar {policy.Bar:0.00}; the teacher answers again.");
        }

        if (online.Low < policy.Bar)
        {
            return null;
        }

        return serving.Mode switch
        {
            RouteModes.Shadow => Verdict(PromotionActions.Canary, $"{figures} reaches the bar {policy.Bar:0.00}; a canary share of the calls next."),
            RouteModes.Canary => Verdict(PromotionActions.Full, $"{figures} reaches the bar {policy.Bar:0.00}; every call next."),
            _ => null,
        };
    }
}
