using k8s.Models;

namespace SlmPlatform.Deploy.Tests;

/// <summary>The GPU overlay: vLLM on the GPU pool behind serving, and fine-tune Jobs the training service may start.</summary>
public sealed class GpuOverlayTests
{
    private const string Gpu = "nvidia.com/gpu";

    [Fact]
    public void GpuContainers_AreScheduledOnTheGpuPool_AndTolerateItsTaint()
    {
        var rendered = Kustomize.Render("gpu");
        var gpuWorkloads = rendered.Workloads().Where(w => w.Containers.Any(c => c.Resources?.Limits?.ContainsKey(Gpu) == true)).ToList();

        Assert.NotEmpty(gpuWorkloads);
        foreach (var workload in gpuWorkloads)
        {
            Assert.True(workload.Template.Spec.NodeSelector?.Count > 0, $"{workload.Name} asks for a GPU without a node selector.");
            Assert.Contains(workload.Template.Spec.Tolerations ?? [], t => t.Key == Gpu && t.Effect == "NoSchedule");
        }
    }

    [Fact]
    public void Serving_DeploysToAvLlmServiceOfTheOverlay_AndKeepsItsCpuRuntime()
    {
        var rendered = Kustomize.Render("gpu");
        var serving = rendered.Workload("serving");
        var environment = rendered.EnvironmentOf(serving.Containers[0]);

        Assert.Equal("vllm", environment["Serving__Deploy__Target"].Value);
        var url = new Uri(environment["Serving__Deploy__Vllm__Url"].Value);
        var service = Assert.Single(rendered.OfKind<V1Service>(), s => s.Metadata.Name == url.Host);
        Assert.Contains(service.Spec.Ports, p => p.Port == url.Port);
        var vllm = rendered.Workloads().Single(w => service.Spec.Selector.All(p => w.PodLabels.TryGetValue(p.Key, out var v) && v == p.Value));
        Assert.True(vllm.Containers[0].Resources.Limits.ContainsKey(Gpu));
        Assert.False(serving.Containers[0].Resources.Limits.ContainsKey(Gpu), "Serving's own runtime is the CPU fallback.");
    }

    [Fact]
    public void Training_MayStartItsJobs_OnTheSharedArtifactStore()
    {
        var rendered = Kustomize.Render("gpu");
        var training = rendered.Workload("training");
        var environment = rendered.EnvironmentOf(training.Containers[0]);

        Assert.Equal("true", environment["Training__Kubernetes__InCluster"].Value);
        Assert.True(training.Template.Spec.AutomountServiceAccountToken);
        var claim = environment["Training__Kubernetes__ArtifactsClaim"].Value;
        Assert.Contains(rendered.OfKind<V1PersistentVolumeClaim>(), c => c.Metadata.Name == claim && c.Spec.AccessModes.Contains("ReadWriteMany"));
        Assert.Contains(training.Template.Spec.Volumes, v => v.PersistentVolumeClaim?.ClaimName == claim);

        var binding = Assert.Single(rendered.OfKind<V1RoleBinding>(), b => b.Subjects.Any(s => s.Name == training.Template.Spec.ServiceAccountName));
        var role = Assert.Single(rendered.OfKind<V1Role>(), r => r.Metadata.Name == binding.RoleRef.Name);
        Assert.Contains(role.Rules, r => r.ApiGroups.Contains("batch") && r.Resources.Contains("jobs") && r.Verbs.Contains("create"));
        Assert.Equal(environment["Training__Kubernetes__Namespace"].Value, role.Metadata.NamespaceProperty);
    }
}
