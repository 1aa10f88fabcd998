using k8s;
using k8s.Models;

namespace SlmPlatform.Deploy.Tests;

/// <summary>A workload's name, kind and pod template, whatever its controller.</summary>
public sealed record Workload(string Kind, string Name, V1PodTemplateSpec Template)
{
    public IList<V1Container> Containers => Template.Spec.Containers;

    public IDictionary<string, string> PodLabels => Template.Metadata?.Labels ?? new Dictionary<string, string>();
}

/// <summary>One overlay's rendered resources, loaded into the Kubernetes client's typed models.</summary>
public sealed class RenderedManifests(IReadOnlyList<object> resources)
{
    private static readonly Dictionary<string, Type> CustomKinds = new()
    {
        ["keda.sh/v1alpha1/ScaledObject"] = typeof(ScaledObject),
        ["keda.sh/v1alpha1/TriggerAuthentication"] = typeof(TriggerAuthentication),
        ["rabbitmq.com/v1beta1/RabbitmqCluster"] = typeof(OperatorResource),
        ["postgresql.cnpg.io/v1/Cluster"] = typeof(OperatorResource),
    };

    public IReadOnlyList<object> Resources { get; } = resources;

    public static RenderedManifests Parse(string yaml) => new(KubernetesYaml.LoadAllFromString(yaml, CustomKinds));

    public IEnumerable<T> OfKind<T>() => Resources.OfType<T>();

    /// <summary>Deployments, StatefulSets and Jobs, each with its pod template.</summary>
    public IReadOnlyList<Workload> Workloads() =>
    [
        .. OfKind<V1Deployment>().Select(d => new Workload("Deployment", d.Metadata.Name, d.Spec.Template)),
        .. OfKind<V1StatefulSet>().Select(s => new Workload("StatefulSet", s.Metadata.Name, s.Spec.Template)),
        .. OfKind<V1Job>().Select(j => new Workload("Job", j.Metadata.Name, j.Spec.Template)),
    ];

    public Workload Workload(string name) =>
        Workloads().SingleOrDefault(w => w.Name == name) ?? throw new Xunit.Sdk.XunitException($"No workload named {name}.");

    /// <summary>What a container's environment holds: its own variables and those of the ConfigMaps it loads.</summary>
    public IReadOnlyDictionary<string, V1EnvVar> EnvironmentOf(V1Container container)
    {
        var environment = new Dictionary<string, V1EnvVar>();
        foreach (var source in container.EnvFrom ?? [])
        {
            var map = OfKind<V1ConfigMap>().SingleOrDefault(m => m.Metadata.Name == source.ConfigMapRef?.Name);
            Assert.True(source.ConfigMapRef is null || map is not null, $"{container.Name} loads a ConfigMap that is not rendered: {source.ConfigMapRef?.Name}.");
            foreach (var (key, value) in map?.Data ?? new Dictionary<string, string>())
            {
                environment[key] = new V1EnvVar { Name = key, Value = value };
            }
        }

        foreach (var variable in container.Env ?? [])
        {
            environment[variable.Name] = variable;
        }

        return environment;
    }
}
