namespace SlmPlatform.Specialists.Kubernetes;

/// <summary>Where and how fine-tune jobs run on the cluster.</summary>
public sealed class LoraJobOptions
{
    public const string SectionName = "Training:Kubernetes";

    /// <summary>Reach the cluster from inside it (the pod's service account). One of this, <see cref="KubeConfigPath"/> or <see cref="ApiServer"/> turns GPU training on.</summary>
    public bool InCluster { get; set; }

    /// <summary>A kubeconfig file (its current context) to reach the cluster with.</summary>
    public string? KubeConfigPath { get; set; }

    /// <summary>An API server reached without credentials (<c>kubectl proxy</c>, or a stand-in in tests).</summary>
    public string? ApiServer { get; set; }

    /// <summary>How often a running fine-tune's Kubernetes Job is asked for its status.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Whether a cluster is named at all; without one, fine-tunes of catalog models cannot run.</summary>
    public bool IsConfigured => InCluster || !string.IsNullOrEmpty(KubeConfigPath) || !string.IsNullOrEmpty(ApiServer);

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
