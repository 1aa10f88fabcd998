using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace SlmPlatform.Serving.Infrastructure.Deployment;

/// <summary>
/// Runs a <see cref="ModelDeployRequested"/> on the deployer of its target, retrying a few times while the target
/// cannot be reached, and always ends in a <see cref="ModelDeployed"/> — failed, with the reason, when it did not work —
/// so that a request is never retried forever and whoever asked always hears back.
/// </summary>
public sealed partial class SpecialistDeployment(
    IEnumerable<ISpecialistDeployer> deployers, ExternalDeployments external, IOptions<DeployOptions> options, TimeProvider time, ILogger<SpecialistDeployment> logger)
{
    public async Task<DeploymentOutcome> DeployAsync(ModelDeployRequested request, CancellationToken cancellationToken)
    {
        var target = request.Target ?? options.Value.Target;
        var spec = new DeploymentSpec(request.TenantId, request.ModelId, request.Kind, request.BaseModel, request.ArtifactLocation);
        var deployer = deployers.FirstOrDefault(d => d.Target == target);
        if (deployer is null)
        {
            return Failed(request, target, spec, string.Empty, new DeploymentException(DeploymentFailure.Invalid,
                $"Unknown deployment target '{target}'; the targets are {string.Join(", ", DeployTargets.All)}."));
        }

        try
        {
            var result = await RetryWhileUnreachable(request.ModelId, target).ExecuteAsync(async token => await deployer.DeployAsync(spec, token), cancellationToken);
            LogDeployed(request.ModelId, target, result.ServedName);
            Route(request, target, result);
            return new DeploymentOutcome(new ModelDeployed(
                ModelDeployed.IdFor(request.EventId, succeeded: true), request.TenantId, request.ModelId, target, result.ServedName, result.Endpoint, true,
                TaskId: TaskOf(request)), null);
        }
        catch (DeploymentException e)
        {
            return Failed(request, target, spec, deployer.Endpoint, e);
        }
    }

    /// <summary>
    /// Takes a demoted specialist off its target (retrying while the target cannot be reached) and stops forwarding its
    /// chat there. An unknown target is logged and dropped: trying again would not make it known.
    /// </summary>
    public async Task UndeployAsync(ModelUndeployRequested request, CancellationToken cancellationToken)
    {
        var target = request.Target ?? options.Value.Target;
        if (deployers.FirstOrDefault(d => d.Target == target) is not { } deployer)
        {
            LogUnknownTarget(request.ModelId, target);
            return;
        }

        var spec = new DeploymentSpec(request.TenantId, request.ModelId, request.Kind, request.BaseModel, request.ArtifactLocation);
        await RetryWhileUnreachable(request.ModelId, target).ExecuteAsync(async token => await deployer.UndeployAsync(spec, token), cancellationToken);
        if (target != DeployTargets.Embedded)
        {
            external.Forget(request.TenantId, request.ModelId);
        }

        LogUndeployed(request.ModelId, target);
    }

    /// <summary>
    /// Takes every specialist of the tenant off Ollama and vLLM (an erasure of the whole tenant) and stops forwarding
    /// there; how many. A target still unreachable after the retries throws, so the erasure is tried again rather than
    /// reported done with the weights left behind.
    /// </summary>
    public async Task<int> UndeployTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var deployments = external.ListOf(tenantId);
        foreach (var deployment in deployments)
        {
            if (deployers.FirstOrDefault(d => d.Target == deployment.Target) is { } deployer)
            {
                var spec = new DeploymentSpec(tenantId, deployment.ModelId, string.Empty, string.Empty, string.Empty);
                await RetryWhileUnreachable(deployment.ModelId, deployment.Target).ExecuteAsync(async token => await deployer.UndeployAsync(spec, token), cancellationToken);
                LogUndeployed(deployment.ModelId, deployment.Target);
            }

            external.Forget(tenantId, deployment.ModelId);
        }

        return deployments.Count;
    }

    /// <summary>An unreachable target is tried <see cref="DeployOptions.Attempts"/> times, the wait doubling from
    /// <see cref="DeployOptions.RetryDelay"/>; any other failure is final at once.</summary>
    private ResiliencePipeline RetryWhileUnreachable(Guid modelId, string target) => options.Value.Attempts <= 1
        ? ResiliencePipeline.Empty
        : new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DeploymentException>(e => e.Failure == DeploymentFailure.Unreachable),
            MaxRetryAttempts = options.Value.Attempts - 1,
            Delay = options.Value.RetryDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
            OnRetry = retry =>
            {
                LogRetrying(modelId, target, retry.AttemptNumber + 1, retry.Outcome.Exception?.Message ?? string.Empty);
                return ValueTask.CompletedTask;
            },
        }).Build();

    /// <summary>
    /// From now on chat requests for the model go where it was deployed: forwarded to Ollama or vLLM, or answered here
    /// again after a deployment to serving itself. A failed deployment changes nothing, so a model keeps answering
    /// where it last deployed well.
    /// </summary>
    private void Route(ModelDeployRequested request, string target, DeploymentResult result)
    {
        if (target == DeployTargets.Embedded)
        {
            external.Forget(request.TenantId, request.ModelId);
        }
        else
        {
            external.Remember(new ExternalDeployment(request.TenantId, request.ModelId, target, result.Endpoint, result.ServedName, time.GetUtcNow()));
        }
    }

    /// <summary>The task whose promotion asked, so that the answer reaches it; none for an operator's deployment.</summary>
    private static Guid? TaskOf(ModelDeployRequested request) => request.TaskId == Guid.Empty ? null : request.TaskId;

    private DeploymentOutcome Failed(ModelDeployRequested request, string target, DeploymentSpec spec, string endpoint, DeploymentException error)
    {
        LogFailed(request.ModelId, target, error.Failure, error.Message);
        var servedName = target == DeployTargets.Embedded ? request.ModelId.ToString() : spec.ServedName;
        return new DeploymentOutcome(new ModelDeployed(
            ModelDeployed.IdFor(request.EventId, succeeded: false), request.TenantId, request.ModelId, target, servedName, endpoint, false, error.Message, TaskOf(request)),
            error.Failure);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Undeployed model {ModelId} from {Target}")]
    private partial void LogUndeployed(Guid modelId, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot undeploy model {ModelId}: unknown target {Target}")]
    private partial void LogUnknownTarget(Guid modelId, string target);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deployed model {ModelId} to {Target} as {ServedName}")]
    private partial void LogDeployed(Guid modelId, string target, string servedName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deploying model {ModelId} to {Target} failed on attempt {Attempt}, retrying: {Reason}")]
    private partial void LogRetrying(Guid modelId, string target, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deploying model {ModelId} to {Target} failed ({Failure}): {Reason}")]
    private partial void LogFailed(Guid modelId, string target, DeploymentFailure failure, string reason);
}

/// <summary>The event to announce, and for a failure its kind (which an operator's API call turns into a status code).</summary>
public sealed record DeploymentOutcome(ModelDeployed Event, DeploymentFailure? Failure);
