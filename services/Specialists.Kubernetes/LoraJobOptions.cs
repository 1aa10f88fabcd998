namespace SlmPlatform.Specialists.Kubernetes;

/// <summary>Where and how fine-tune jobs run on the cluster.</summary>
public sealed class LoraJobOptions
{
    public const string SectionName = "Training:Kubernetes";

    public string Namespace { get; set; } = "slm";

    /// <summary>The image built from deploy/training/Dockerfile.</summary>
    public string Image { get; set; } = "slm-platform/lora-trainer:latest";

    /// <summary>The persistent volume claim of the artifact store, shared with the training service.</summary>
    public string ArtifactsClaim { get; set; } = "slm-artifacts";

    public string ArtifactsMountPath { get; set; } = "/var/lib/slm/artifacts";

    public string GpuResource { get; set; } = "nvidia.com/gpu";

    public int Gpus { get; set; } = 1;

    public string Memory { get; set; } = "32Gi";

    /// <summary>Hugging Face token secret (key <c>token</c>) for gated base models such as Llama; none when empty.</summary>
    public string? HuggingFaceTokenSecret { get; set; }

    /// <summary>A job still running after this is stopped by the cluster and reported failed.</summary>
    public TimeSpan TimeLimit { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Retries of a failed pod before the job counts as failed.</summary>
    public int BackoffLimit { get; set; } = 1;

    /// <summary>How long a finished job (and its log) stays for inspection.</summary>
    public TimeSpan KeepFinishedFor { get; set; } = TimeSpan.FromDays(1);
}
