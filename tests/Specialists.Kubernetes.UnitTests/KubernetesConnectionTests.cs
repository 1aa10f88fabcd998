namespace SlmPlatform.Specialists.Kubernetes.UnitTests;

public sealed class KubernetesConnectionTests
{
    [Fact]
    public void NoClusterNamed_IsNotConfigured_AndAnApiServerIsReachedAsGiven()
    {
        var options = new LoraJobOptions { ApiServer = "http://127.0.0.1:8001" };

        Assert.False(new LoraJobOptions().IsConfigured);
        Assert.True(options.IsConfigured);
        Assert.Equal("http://127.0.0.1:8001", KubernetesConnection.Configuration(options).Host);
    }

    [Fact]
    public void TwoWaysToTheCluster_AreRefused()
    {
        var options = new LoraJobOptions { ApiServer = "http://127.0.0.1:8001", KubeConfigPath = "/home/u/.kube/config" };

        var error = Assert.Throws<InvalidOperationException>(() => KubernetesConnection.Configuration(options));

        Assert.Contains("exactly one", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKubeconfigFile_GivesItsCurrentContextsServer()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """
                apiVersion: v1
                kind: Config
                current-context: gpu
                clusters:
                - name: gpu
                  cluster:
                    server: https://gpu.cluster.test:6443
                    insecure-skip-tls-verify: true
                contexts:
                - name: gpu
                  context:
                    cluster: gpu
                    user: trainer
                users:
                - name: trainer
                  user:
                    token: not-a-real-token
                """);

            var configuration = KubernetesConnection.Configuration(new LoraJobOptions { KubeConfigPath = path });

            Assert.Equal("https://gpu.cluster.test:6443/", configuration.Host.TrimEnd('/') + "/");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
