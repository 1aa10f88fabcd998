using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Serving.Infrastructure.Deployment;
using SlmPlatform.Serving.Model;

namespace SlmPlatform.Serving.FunctionalTests.Deployment;

public sealed class ExternalDeploymentsTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("slm-external-deployments-");

    [Fact]
    public void AFileDamagedByHand_NeverFailsALookup_AndTheDeploymentsLastReadStay()
    {
        var deployment = new ExternalDeployment("tenant", Guid.NewGuid(), "vllm", "http://gpu-node:8000/", "slm-x", DateTimeOffset.UtcNow);
        var deployments = Open();
        deployments.Remember(deployment);

        File.WriteAllText(deployments.Path, "{ not json");
        File.SetLastWriteTimeUtc(deployments.Path, DateTime.UtcNow.AddSeconds(5));

        Assert.Equal(deployment, deployments.Find("tenant", deployment.ModelId));
        Assert.Null(Open().Find("tenant", deployment.ModelId));
    }

    [Fact]
    public void ADeploymentRemembered_IsFoundByAnotherInstance_ForItsTenantOnly()
    {
        var deployment = new ExternalDeployment("tenant", Guid.NewGuid(), "ollama", "http://gpu-node:11434/", "slm-y", DateTimeOffset.UtcNow);

        Open().Remember(deployment);

        Assert.Equal(deployment, Open().Find("tenant", deployment.ModelId));
        Assert.Null(Open().Find("another-tenant", deployment.ModelId));
    }

    public void Dispose() => _root.Delete(recursive: true);

    private ExternalDeployments Open() => new(new DeploymentArtifacts(
        Options.Create(new ServingOptions { ArtifactsPath = _root.FullName }),
        new HostingEnvironment { ContentRootPath = _root.FullName }));
}
