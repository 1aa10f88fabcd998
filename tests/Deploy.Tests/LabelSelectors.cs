using k8s.Models;

namespace SlmPlatform.Deploy.Tests;

/// <summary>Kubernetes' label-selector semantics, for checking which pods a policy or a budget selects.</summary>
internal static class LabelSelectors
{
    public static bool Selects(this V1LabelSelector selector, IDictionary<string, string> labels) =>
        (selector.MatchLabels ?? new Dictionary<string, string>()).All(pair => labels.TryGetValue(pair.Key, out var value) && value == pair.Value)
        && (selector.MatchExpressions ?? []).All(e => Matches(e, labels));

    private static bool Matches(V1LabelSelectorRequirement requirement, IDictionary<string, string> labels)
    {
        var present = labels.TryGetValue(requirement.Key, out var value);
        return requirement.OperatorProperty switch
        {
            "In" => present && requirement.Values.Contains(value!),
            "NotIn" => !present || !requirement.Values.Contains(value!),
            "Exists" => present,
            "DoesNotExist" => !present,
            _ => throw new InvalidOperationException($"Unknown selector operator {requirement.OperatorProperty}."),
        };
    }
}
