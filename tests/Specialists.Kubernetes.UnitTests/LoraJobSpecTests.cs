using System.Text.RegularExpressions;

namespace SlmPlatform.Specialists.Kubernetes.UnitTests;

public sealed partial class LoraJobSpecTests
{
    private static readonly LoraJobRequest Request = new(
        Guid.Parse("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b"), "Qwen/Qwen2.5-0.5B-Instruct", "qwen2.5:0.5b",
        "/var/lib/slm/artifacts/t/datasets/d1/train.hf.jsonl", "/var/lib/slm/artifacts/t/datasets/d1/validation.hf.jsonl",
        "/var/lib/slm/artifacts/t/adapters/j1", new LoraHyperparameters(Method: "qlora", Rank: 8));

    [Fact]
    public void TheJob_RunsOnePodWithOneGpuAndTheArtifactVolume_NeverRestartedInPlace()
    {
        var job = LoraJobSpec.Build(Request, new LoraJobOptions());
        var pod = job.Spec.Template.Spec;
        var container = Assert.Single(pod.Containers);

        Assert.Matches(DnsLabel(), job.Metadata.Name);
        Assert.Equal("slm", job.Metadata.NamespaceProperty);
        Assert.Equal("Never", pod.RestartPolicy);
        Assert.Equal("1", container.Resources.Limits["nvidia.com/gpu"].ToString());
        Assert.Equal("/var/lib/slm/artifacts", Assert.Single(container.VolumeMounts).MountPath);
        Assert.Equal("slm-artifacts", Assert.Single(pod.Volumes).PersistentVolumeClaim.ClaimName);
        Assert.Equal(6 * 3600, job.Spec.ActiveDeadlineSeconds);
        Assert.Equal(Request.JobId.ToString("N"), job.Spec.Template.Metadata.Labels[LoraJobSpec.JobIdLabel]);
        Assert.Contains(pod.Tolerations, t => t.Key == "nvidia.com/gpu");
        Assert.Equal("FallbackToLogsOnError", container.TerminationMessagePolicy);
    }

    [Fact]
    public void TheArguments_CarryTheRequest()
    {
        var arguments = LoraJobSpec.Arguments(Request);

        Assert.Equal("qlora", arguments[arguments.IndexOf("--method") + 1]);
        Assert.Equal("8", arguments[arguments.IndexOf("--rank") + 1]);
        Assert.Equal("0.0002", arguments[arguments.IndexOf("--learning-rate") + 1]);
        Assert.Equal(Request.ValidationPath, arguments[arguments.IndexOf("--validation") + 1]);
        Assert.Equal("qwen2.5:0.5b", arguments[arguments.IndexOf("--ollama-base") + 1]);
    }

    [Fact]
    public void AHuggingFaceToken_ComesFromTheSecret_OnlyWhenOneIsConfigured()
    {
        var without = LoraJobSpec.Build(Request, new LoraJobOptions()).Spec.Template.Spec.Containers[0].Env;
        var with = LoraJobSpec.Build(Request, new LoraJobOptions { HuggingFaceTokenSecret = "hf" }).Spec.Template.Spec.Containers[0].Env;

        Assert.DoesNotContain(without, e => e.Name == "HF_TOKEN");
        Assert.Equal("hf", Assert.Single(with, e => e.Name == "HF_TOKEN").ValueFrom.SecretKeyRef.Name);
    }

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
