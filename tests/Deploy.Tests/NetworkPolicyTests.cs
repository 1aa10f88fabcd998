using k8s.Models;

namespace SlmPlatform.Deploy.Tests;

/// <summary>Ingress is denied by default; only the gateway and ingest take traffic from outside the namespace.</summary>
public sealed class NetworkPolicyTests
{
    private static readonly string[] PublicEdges = ["gateway", "ingest"];

    public static TheoryData<string> Overlays() => Kustomize.Overlays();

    [Theory]
    [MemberData(nameof(Overlays))]
    public void IngressIsDeniedByDefault(string overlay)
    {
        var policies = Kustomize.Render(overlay).OfKind<V1NetworkPolicy>();
        Assert.Contains(policies, p =>
            p.Spec.PodSelector.MatchLabels is null or { Count: 0 } && p.Spec.PodSelector.MatchExpressions is null or { Count: 0 }
            && p.Spec.PolicyTypes.Contains("Ingress") && p.Spec.Ingress is null or { Count: 0 });
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void OnlyTheEdges_AcceptTrafficFromAnywhere(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        var workloads = rendered.Workloads();

        foreach (var policy in rendered.OfKind<V1NetworkPolicy>())
        {
            foreach (var rule in policy.Spec.Ingress ?? [])
            {
                var fromAnywhere = rule.FromProperty is null or { Count: 0 } || rule.FromProperty.Any(f => f.IpBlock is not null);
                var selected = workloads.Where(w => policy.Spec.PodSelector.Selects(w.PodLabels)).Select(w => w.Name).ToList();
                if (fromAnywhere)
                {
                    Assert.True(selected.All(PublicEdges.Contains), $"{policy.Metadata.Name} opens {string.Join(", ", selected.Except(PublicEdges))} to any source.");
                }
            }
        }

        foreach (var edge in PublicEdges)
        {
            Assert.Contains(rendered.OfKind<V1NetworkPolicy>(), p =>
                p.Spec.PodSelector.Selects(rendered.Workload(edge).PodLabels) && (p.Spec.Ingress ?? []).Any(r => r.FromProperty is null or { Count: 0 }));
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void OtherNamespaces_ReachOnlyTheInfrastructureTheirOperatorsManage(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        var services = AppHostManifest.Projects().Select(p => p.Name).ToHashSet();

        foreach (var policy in rendered.OfKind<V1NetworkPolicy>())
        {
            var fromOtherNamespaces = (policy.Spec.Ingress ?? []).SelectMany(r => r.FromProperty ?? []).Any(f => f.NamespaceSelector is not null);
            if (fromOtherNamespaces)
            {
                var opened = rendered.Workloads().Where(w => services.Contains(w.Name) && policy.Spec.PodSelector.Selects(w.PodLabels));
                Assert.Empty(opened);
            }
        }
    }
}
