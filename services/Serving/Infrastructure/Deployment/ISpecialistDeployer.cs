
namespace SlmPlatform.Serving.Infrastructure.Deployment;

/// <summary>Makes a specialist answerable on one kind of server (<see cref="DeployTargets"/>).</summary>
public interface ISpecialistDeployer
{
    /// <summary>The target this deployer serves: <c>embedded</c>, <c>ollama</c> or <c>vllm</c>.</summary>
    string Target { get; }

    /// <summary>The target's base URL as configured; empty when it is not configured.</summary>
    string Endpoint { get; }

    /// <summary>
    /// Deploys the specialist; doing it again for a model already there succeeds. Throws
    /// <see cref="DeploymentException"/> saying whether trying again could help.
    /// </summary>
    Task<DeploymentResult> DeployAsync(DeploymentSpec spec, CancellationToken cancellationToken);

    /// <summary>Takes the specialist off the target; a model that is not there is no error.</summary>
    Task UndeployAsync(DeploymentSpec spec, CancellationToken cancellationToken);
}

/// <summary>What to deploy: a registry model, its base (for an adapter) and where its artifact lies.</summary>
public sealed record DeploymentSpec(string TenantId, Guid ModelId, string Kind, string BaseModel, string ArtifactLocation)
{
    /// <summary>The model's name on Ollama and vLLM, where it sits beside models that are not the platform's.</summary>
    public string ServedName => $"slm-{ModelId:N}";
}

/// <summary>Where a deployed specialist answers: the model name clients use at the endpoint.</summary>
public sealed record DeploymentResult(string ServedName, string Endpoint);

/// <summary>Why a deployment failed, which decides whether to try again and what an operator is told.</summary>
public enum DeploymentFailure
{
    /// <summary>The model cannot go there (its kind, a missing artifact, an unknown target): trying again cannot help.</summary>
    Invalid,

    /// <summary>The target answered but refused (say, an unknown base model).</summary>
    Rejected,

    /// <summary>The target could not be reached, timed out or failed (5xx), or is not configured: worth retrying.</summary>
    Unreachable,
}

public sealed class DeploymentException(DeploymentFailure failure, string message, Exception? inner = null) : Exception(message, inner)
{
    public DeploymentFailure Failure { get; } = failure;
}
