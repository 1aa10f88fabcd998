using SlmPlatform.Evaluation;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// A decision of the rules: what to do, and the figures it rests on; for a specialist that abstains when unsure, the
/// confidence <see cref="Threshold"/> it answers at and the share of held-out calls it covers there.
/// </summary>
public sealed record PromotionVerdict(
    string Action, string Reason, double? Agreement = null, double? AgreementLower = null, long? Examples = null, double? Threshold = null, double? Coverage = null);

/// <summary>How the model serving a task did on a newcomer's test set.</summary>
public sealed record IncumbentScore(double Agreement, double AgreementLower, CoverageCurve? RiskCoverage);

/// <summary>
/// The promotion policy's rules, free of I/O. A newly evaluated model must pass on its own, and beat the model already
/// serving on the same held-out set, to enter shadow. A model that says how sure it is passes when, at the confidence
/// threshold where agreement on the calls it answers reaches the bar (on the lower bound), it answers at least the
/// policy's minimum share of them; it beats the incumbent by answering more there. Any other model passes when its
/// agreement on every call reaches the bar, and beats the incumbent by agreeing more. Online agreement (shadow
/// comparisons, then the teacher samples of canary and full, counted only on calls the specialist answers) moves it on
/// once its lower bound reaches the bar, and demotes it once even its upper bound is below the bar.
/// </summary>
public static class PromotionRules
{
    /// <summary>Whether the evaluation passes on its own, before any comparison with a serving model.</summary>
    public static bool PassesAlone(PromotionPolicy policy, ModelEvaluated evaluation)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.RiskCoverage is { } curve
            ? RiskCoverage.AtBar(curve, policy.Bar) is { } point && point.Coverage >= policy.MinCoverage
            : evaluation.AgreementLower >= policy.Bar;
    }

    /// <summary>The verdict on an offline evaluation; <paramref name="incumbent"/> is how the serving model did on the same
    /// test set; <paramref name="demotedBefore"/> says live calls already showed this model below the bar for this task.</summary>
    public static PromotionVerdict OnEvaluated(
        PromotionPolicy policy, ModelEvaluated evaluation, TaskSpecialist? serving, IncumbentScore? incumbent, bool demotedBefore = false)
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

        if (evaluation.RiskCoverage is { } curve)
        {
            return OnSelective(policy, evaluation, curve, figures, serving is null ? null : incumbent);
        }

        if (evaluation.AgreementLower < policy.Bar)
        {
            return Verdict(PromotionActions.Reject, $"{figures}: the lower bound is below the bar {policy.Bar:0.00}.");
        }

        if (serving is not null && incumbent is not null && evaluation.Agreement <= incumbent.Agreement)
        {
            return Verdict(PromotionActions.Keep, $"{figures} does not beat the serving model's {incumbent.Agreement:0.000} on the same test set.");
        }

        return Verdict(PromotionActions.Shadow, (serving, incumbent) switch
        {
            (null, _) => $"{figures} reaches the bar {policy.Bar:0.00}; shadow first, to be checked on live calls.",
            (_, null) => $"{figures} reaches the bar {policy.Bar:0.00}; the serving model could not be scored on the same test set; shadow first, to be checked on live calls.",
            _ => $"{figures} reaches the bar and beats the serving model's {incumbent.Agreement:0.000} on the same test set; shadow first.",
        });
    }

    private static PromotionVerdict OnSelective(PromotionPolicy policy, ModelEvaluated evaluation, CoverageCurve curve, string figures, IncumbentScore? incumbent)
    {
        var point = RiskCoverage.AtBar(curve, policy.Bar);
        var atBar = point is null
            ? $"no confidence threshold lets it answer any held-out call at the bar {policy.Bar:0.00}"
            : $"at confidence ≥ {point.Threshold:0.000} it answers {point.Coverage:0.000} of the held-out calls ({point.Answered} of {point.Examples}) "
              + $"with agreement {point.Agreement.Value:0.000} (95 % CI {point.Agreement.Low:0.000}–{point.Agreement.High:0.000}), and the teacher the rest";
        PromotionVerdict Verdict(string action, string reason) =>
            new(action, reason, point?.Agreement.Value ?? evaluation.Agreement, point?.Agreement.Low ?? evaluation.AgreementLower, point?.Answered ?? evaluation.Examples, point?.Threshold, point?.Coverage ?? 0);

        if (point is null || point.Coverage < policy.MinCoverage)
        {
            return Verdict(PromotionActions.Reject, $"{figures} on all calls; {atBar}: below the minimum coverage {policy.MinCoverage:0.00} at the bar.");
        }

        var incumbentCoverage = incumbent is null ? (double?)null : CoverageAtBar(incumbent, policy.Bar);
        if (point.Coverage <= incumbentCoverage)
        {
            return Verdict(PromotionActions.Keep, $"{atBar}, which does not cover more than the serving model's {incumbentCoverage:0.000} at the same bar on the same test set.");
        }

        return Verdict(PromotionActions.Shadow, incumbentCoverage is null
            ? $"{atBar}: at least the minimum coverage {policy.MinCoverage:0.00} at the bar; shadow first, to be checked on live calls."
            : $"{atBar}: more than the serving model's {incumbentCoverage:0.000} at the same bar on the same test set; shadow first.");
    }

    // A model without confidence answers every call or none: all of them when it reaches the bar on all of them.
    private static double CoverageAtBar(IncumbentScore incumbent, double bar) => incumbent.RiskCoverage is { } curve
        ? RiskCoverage.AtBar(curve, bar)?.Coverage ?? 0
        : incumbent.AgreementLower >= bar ? 1 : 0;

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
        PromotionVerdict Verdict(string action, string reason) => new(action, reason, online.Value, online.Low, compared, serving.Threshold);

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
