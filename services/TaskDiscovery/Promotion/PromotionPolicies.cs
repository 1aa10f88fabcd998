using Microsoft.Extensions.Options;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>The policy a tenant's specialists are promoted by: its own, or the service's default.</summary>
public sealed class PromotionPolicies(PromotionStore store, IOptionsMonitor<PromotionOptions> options)
{
    public async Task<PromotionPolicy> ForAsync(string tenantId, CancellationToken cancellationToken) =>
        await store.FindPolicyAsync(tenantId, cancellationToken) ?? options.CurrentValue.Default;
}
