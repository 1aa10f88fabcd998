using Microsoft.Extensions.Options;

namespace SlmPlatform.Scrubbing;

/// <summary>Resolves which operator applies to an entity type for a tenant, and holds the surrogate key.</summary>
/// <remarks>Most specific first: the tenant's type, the tenant's default, the global type, the global default.</remarks>
public sealed class ScrubPolicy(IOptions<ScrubbingOptions> options)
{
    private readonly ScrubbingOptions _options = options.Value;

    /// <summary>The built-in settings (surrogates everywhere, the development key): for tests and tools.</summary>
    public static ScrubPolicy Default { get; } = new(Options.Create(new ScrubbingOptions()));

    public byte[] Key { get; } = System.Text.Encoding.UTF8.GetBytes(options.Value.SurrogateKey);

    public bool UsesDevelopmentKey => _options.SurrogateKey == ScrubbingOptions.DevelopmentSurrogateKey;

    public ScrubOperator OperatorFor(string tenantId, string entityType)
    {
        if (_options.Tenants.TryGetValue(tenantId, out var tenant))
        {
            if (tenant.Operators.TryGetValue(entityType, out var forTenantType))
            {
                return forTenantType;
            }

            if (tenant.DefaultOperator is { } forTenant)
            {
                return forTenant;
            }
        }

        return _options.Operators.TryGetValue(entityType, out var forType) ? forType : _options.DefaultOperator;
    }
}
