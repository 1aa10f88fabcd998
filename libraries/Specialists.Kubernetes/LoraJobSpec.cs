using System.Globalization;
using k8s.Models;

namespace SlmPlatform.Specialists.Kubernetes;

/// <summary>
/// The Kubernetes Job for a fine-tune: one pod, never restarted in place (the job's backoff retries it), one GPU, the
/// artifact volume mounted, the recipe's arguments built from the request, a deadline, and labels that find it again.
/// </summary>
public static class LoraJobSpec
{
    public const string AppLabel = "app.kubernetes.io/name";
    public const string AppName = "slm-lora-trainer";
    public const string JobIdLabel = "slm.platform/job-id";

    /// <summary>The job's name: a DNS-1123 label derived from the platform's job id, so a retried launch finds it.</summary>
    public static string NameOf(Guid jobId) => $"slm-lora-{jobId:N}";

    public static V1Job Build(LoraJobRequest request, LoraJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var labels = new Dictionary<string, string> { [AppLabel] = AppName, [JobIdLabel] = request.JobId.ToString("N") };
        var environment = new List<V1EnvVar> { new() { Name = "HF_HOME", Value = $"{options.ArtifactsMountPath}/hf-cache" } };
        if (!string.IsNullOrEmpty(options.HuggingFaceTokenSecret))
        {
            environment.Add(new V1EnvVar
            {
                Name = "HF_TOKEN",
                ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = options.HuggingFaceTokenSecret, Key = "token" } },
            });
        }

        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta { Name = NameOf(request.JobId), NamespaceProperty = options.Namespace, Labels = labels },
            Spec = new V1JobSpec
            {
                BackoffLimit = options.BackoffLimit,
                ActiveDeadlineSeconds = (long)options.TimeLimit.TotalSeconds,
                TtlSecondsAfterFinished = (int)options.KeepFinishedFor.TotalSeconds,
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = labels },
                    Spec = new V1PodSpec
                    {
                        RestartPolicy = "Never",
                        Tolerations = [new V1Toleration { Key = options.GpuResource, OperatorProperty = "Exists", Effect = "NoSchedule" }],
                        Containers =
                        [
                            new V1Container
                            {
                                Name = "trainer",
                                Image = options.Image,
                                Args = Arguments(request),
                                // The recipe's last stderr line says why it failed; this makes it the pod's termination
                                // message, which the launcher reports without needing to read logs.
                                TerminationMessagePolicy = "FallbackToLogsOnError",
                                Env = environment,
                                Resources = new V1ResourceRequirements
                                {
                                    Limits = new Dictionary<string, ResourceQuantity>
                                    {
                                        [options.GpuResource] = new(options.Gpus.ToString(CultureInfo.InvariantCulture)),
                                        ["memory"] = new(options.Memory),
                                    },
                                },
                                VolumeMounts = [new V1VolumeMount { Name = "artifacts", MountPath = options.ArtifactsMountPath }],
                            },
                        ],
                        Volumes = [new V1Volume { Name = "artifacts", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = options.ArtifactsClaim } }],
                    },
                },
            },
        };
    }

    /// <summary>The recipe's command line (deploy/training/train_lora.py), in the order its --help lists them.</summary>
    public static IList<string> Arguments(LoraJobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var h = request.Hyperparameters;
        var arguments = new List<string> { "--dataset", request.DatasetPath };
        if (request.ValidationPath is { } validation)
        {
            arguments.AddRange(["--validation", validation]);
        }

        arguments.AddRange(["--base-model", request.BaseModel]);
        if (request.OllamaBase is { } ollama)
        {
            arguments.AddRange(["--ollama-base", ollama]);
        }

        arguments.AddRange(
        [
            "--output", request.OutputPath,
            "--method", h.Method,
            "--rank", Invariant(h.Rank),
            "--alpha", Invariant(h.Alpha),
            "--dropout", Invariant(h.Dropout),
            "--epochs", Invariant(h.Epochs),
            "--learning-rate", Invariant(h.LearningRate),
            "--max-seq-length", Invariant(h.MaxSeqLength),
            "--batch-size", Invariant(h.BatchSize),
        ]);
        return arguments;
    }

    private static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
