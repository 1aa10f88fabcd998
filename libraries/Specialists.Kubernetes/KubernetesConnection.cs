using k8s;

namespace SlmPlatform.Specialists.Kubernetes;

/// <summary>The client configuration <see cref="LoraJobOptions"/> names: in-cluster, a kubeconfig file, or a bare API server.</summary>
public static class KubernetesConnection
{
    public static KubernetesClientConfiguration Configuration(LoraJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var named = (options.InCluster ? 1 : 0) + (string.IsNullOrEmpty(options.KubeConfigPath) ? 0 : 1) + (string.IsNullOrEmpty(options.ApiServer) ? 0 : 1);
        if (named != 1)
        {
            // Two ways at once would leave it to precedence which cluster gets the GPU jobs: say which instead.
            throw new InvalidOperationException($"Set exactly one of {LoraJobOptions.SectionName}:InCluster, :KubeConfigPath or :ApiServer.");
        }

        return options switch
        {
            { InCluster: true } => KubernetesClientConfiguration.InClusterConfig(),
            { KubeConfigPath: { Length: > 0 } path } => KubernetesClientConfiguration.BuildConfigFromConfigFile(path),
            _ => new KubernetesClientConfiguration { Host = options.ApiServer },
        };
    }

    /// <summary>A client for the configured cluster.</summary>
    public static IKubernetes Connect(LoraJobOptions options) => new k8s.Kubernetes(Configuration(options));
}
