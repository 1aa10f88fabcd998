using Microsoft.Extensions.Options;

namespace SlmPlatform.Serving.Infrastructure.Deployment;

/// <summary>
/// Serving's own runtimes: nothing to push, since a specialist is loaded on its first request. Deploying checks that
/// the artifact is there and of a kind this server runs, so that routing to it will not fail on the first call.
/// </summary>
public sealed class EmbeddedDeployer(DeploymentArtifacts artifacts, IOptions<DeployOptions> options) : ISpecialistDeployer
{
    public string Target => DeployTargets.Embedded;

    public string Endpoint => options.Value.EmbeddedUrl.ToString();

    public Task<DeploymentResult> DeployAsync(DeploymentSpec spec, CancellationToken cancellationToken)
    {
        if (spec.Kind is not (SpecialistKinds.ClassifierHead or SpecialistKinds.Generative))
        {
            throw new DeploymentException(DeploymentFailure.Invalid, $"Model {spec.ModelId} is a '{spec.Kind}', which serving cannot run itself; deploy it to Ollama or vLLM.");
        }

        if (artifacts.Find(spec.ArtifactLocation).Form == ArtifactForm.LoraAdapter)
        {
            throw new DeploymentException(DeploymentFailure.Invalid, $"Model {spec.ModelId} is a LoRA adapter, which serving cannot run itself; deploy it to Ollama or vLLM.");
        }

        return Task.FromResult(new DeploymentResult(spec.ModelId.ToString(), Endpoint));
    }

    /// <summary>Nothing to take down: an unrouted specialist is unloaded when memory is needed.</summary>
    public Task UndeployAsync(DeploymentSpec spec, CancellationToken cancellationToken) => Task.CompletedTask;
}
