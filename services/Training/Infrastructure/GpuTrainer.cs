using Microsoft.Extensions.Options;
using SlmPlatform.Specialists.Kubernetes;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>
/// The GPU trainer: a Kubernetes cluster that runs deploy/training as Jobs, when <c>Training:Kubernetes</c> names one.
/// The client is made on first use, so a cluster that cannot be reached fails the GPU jobs, never the service's start
/// or its CPU jobs.
/// </summary>
public sealed class GpuTrainer : IDisposable
{
    public const string NotConfigured =
        "no GPU trainer is configured: set Training:Kubernetes:InCluster, Training:Kubernetes:KubeConfigPath or Training:Kubernetes:ApiServer "
        + "(with Training:Kubernetes:Image, :Namespace and :ArtifactsClaim) to fine-tune catalog models";

    private readonly Lazy<k8s.IKubernetes> _client;

    public GpuTrainer(IOptions<LoraJobOptions> options)
    {
        Options = options.Value;
        _client = new Lazy<k8s.IKubernetes>(Connect);
    }

    public LoraJobOptions Options { get; }

    public bool IsConfigured => Options.IsConfigured;

    /// <summary>The launcher; an <see cref="InvalidOperationException"/> saying what to set when no cluster is named.</summary>
    public KubernetesLoraLauncher Launcher => IsConfigured
        ? new KubernetesLoraLauncher(_client.Value, Options)
        : throw new InvalidOperationException(NotConfigured);

    private k8s.IKubernetes Connect()
    {
        try
        {
            return KubernetesConnection.Connect(Options);
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or IOException or UnauthorizedAccessException)
        {
            // A kubeconfig or service-account token that is not there will not appear on a retry: fail the job, saying so.
            throw new InvalidOperationException($"The GPU trainer's cluster cannot be reached as Training:Kubernetes names it: {e.Message}", e);
        }
    }

    /// <summary>Where the job's pod sees an artifact: the artifact store's volume is mounted there, keys are the same.</summary>
    public string PodPathOf(string key) => $"{Options.ArtifactsMountPath.TrimEnd('/')}/{key}";

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
