using SlmPlatform.Messaging.Erasure;
using SlmPlatform.Serving.Infrastructure.Deployment;

namespace SlmPlatform.Serving.Infrastructure;

/// <summary>
/// Serving keeps nothing per call; of a tenant it keeps its specialists: the registry's entries, the models in memory
/// and those deployed to Ollama or vLLM. Erasing the whole tenant takes them all away (the artifacts themselves are
/// training's, deleted there). Another replica unloads the tenant's models when they are next evicted or it restarts;
/// no route leads to them once task discovery has dropped the tenant's routes.
/// </summary>
public sealed class SpecialistErasure(ISpecialistSource registry, LoadedSpecialists loaded, SpecialistDeployment deployment) : ICallErasure
{
    public static string QueueName => "serving-erasures";

    public static string Service => "serving";

    public Task<IReadOnlyDictionary<string, long>> EraseAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>());

    public async Task<IReadOnlyDictionary<string, long>> EraseTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        // Off the external targets first: were one unreachable, the entries that name what to undeploy stay for the retry.
        var undeployed = await deployment.UndeployTenantAsync(tenantId, cancellationToken);
        var unloaded = loaded.Unload(tenantId);
        var forgotten = await registry.ForgetTenantAsync(tenantId);
        return new Dictionary<string, long> { ["specialists"] = forgotten, ["loaded"] = unloaded, ["external_deployments"] = undeployed };
    }
}
