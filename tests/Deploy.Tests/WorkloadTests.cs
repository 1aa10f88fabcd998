using k8s.Models;

namespace SlmPlatform.Deploy.Tests;

/// <summary>Every overlay runs every project of the AppHost, healthy-checked, bounded, and configured as the AppHost would.</summary>
public sealed class WorkloadTests
{
    public static TheoryData<string> Overlays() => Kustomize.Overlays();

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EveryProjectOfTheAppHost_RunsAsAWorkloadOfItsName_FromItsImage(string overlay)
    {
        var rendered = Kustomize.Render(overlay);

        foreach (var project in AppHostManifest.Projects())
        {
            var workload = rendered.Workload(project.Name);
            var image = workload.Containers[0].Image;
            Assert.StartsWith($"slm-platform/{project.Name}:", image, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EveryLongRunningContainer_HasProbesRequestsAndLimits(string overlay)
    {
        foreach (var workload in Kustomize.Render(overlay).Workloads())
        {
            foreach (var container in workload.Containers)
            {
                var where = $"{workload.Kind} {workload.Name}, container {container.Name}";
                if (workload.Kind != "Job")
                {
                    Assert.True(container.ReadinessProbe is not null, $"{where} has no readiness probe.");
                    Assert.True(container.LivenessProbe is not null, $"{where} has no liveness probe.");
                }

                foreach (var resource in new[] { "cpu", "memory" })
                {
                    Assert.True(container.Resources?.Requests?.ContainsKey(resource) == true, $"{where} requests no {resource}.");
                    Assert.True(container.Resources?.Limits?.ContainsKey(resource) == true, $"{where} has no {resource} limit.");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void PlatformServices_AreProbedOnTheHealthEndpointsOfServiceDefaults(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        foreach (var project in AppHostManifest.Projects().Where(p => rendered.Workload(p.Name).Kind != "Job"))
        {
            var container = rendered.Workload(project.Name).Containers[0];
            Assert.Equal("/health", container.ReadinessProbe.HttpGet?.Path);
            Assert.Equal("/alive", container.LivenessProbe.HttpGet?.Path);
            Assert.Equal("http", container.ReadinessProbe.HttpGet!.Port.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EveryServedWorkload_HasADisruptionBudget(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        var budgets = rendered.OfKind<V1PodDisruptionBudget>().ToList();

        foreach (var workload in rendered.Workloads().Where(w => w.Kind != "Job"))
        {
            Assert.True(
                budgets.Count(b => b.Spec.Selector.Selects(workload.PodLabels)) == 1,
                $"{workload.Kind} {workload.Name} is selected by {budgets.Count(b => b.Spec.Selector.Selects(workload.PodLabels))} disruption budgets, not one.");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void EveryService_GetsTheConfigurationTheAppHostGivesIt(string overlay)
    {
        var rendered = Kustomize.Render(overlay);

        foreach (var project in AppHostManifest.Projects())
        {
            var container = rendered.Workload(project.Name).Containers[0];
            var environment = rendered.EnvironmentOf(container);
            var missing = project.ConfigurationKeys.Where(key => !environment.ContainsKey(key)).ToList();
            Assert.True(missing.Count == 0, $"{project.Name} lacks {string.Join(", ", missing)}.");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Services_ListenOnTheirContainersNamedPort_AndTheirServiceSelectsThem(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        foreach (var project in AppHostManifest.Projects().Where(p => rendered.Workload(p.Name).Kind != "Job"))
        {
            var container = rendered.Workload(project.Name).Containers[0];
            var port = Assert.Single(container.Ports, p => p.Name == "http").ContainerPort;
            Assert.Equal(port.ToString(System.Globalization.CultureInfo.InvariantCulture), rendered.EnvironmentOf(container)["HTTP_PORTS"].Value);

            var service = Assert.Single(rendered.OfKind<V1Service>(), s => s.Metadata.Name == project.Name);
            Assert.True(service.Spec.Selector.All(p => rendered.Workload(project.Name).PodLabels.TryGetValue(p.Key, out var v) && v == p.Value));
            Assert.Contains(service.Spec.Ports, p => p.TargetPort.Value == "http");
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Secrets_AreReferencedByName_NeverWrittenInTheManifests(string overlay)
    {
        var rendered = Kustomize.Render(overlay);
        Assert.Empty(rendered.OfKind<V1Secret>());

        foreach (var workload in rendered.Workloads())
        {
            foreach (var container in workload.Containers)
            {
                foreach (var (name, variable) in rendered.EnvironmentOf(container))
                {
                    if (LooksSecret(name))
                    {
                        Assert.True(variable.ValueFrom?.SecretKeyRef is not null, $"{workload.Name}: {name} is not read from a secret.");
                    }
                }
            }
        }
    }

    private static bool LooksSecret(string name) =>
        name.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
        || name.EndsWith("Key", StringComparison.OrdinalIgnoreCase)
        || name.Contains("PASSWORD", StringComparison.OrdinalIgnoreCase);
}
