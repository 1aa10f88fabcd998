namespace SlmPlatform.Contracts.Http;

// The tasks service's price table (GET /api/prices, PUT/DELETE /api/prices/{model}) and the gateway's upstream
// (GET /api/upstream), as they answer and as the console's settings page edits and shows them.

/// <summary>
/// What a model costs the tenant, in US dollars per million tokens, and where the price comes from: <c>tenant</c>
/// (its own, which wins) or <c>platform</c> (the deployment's configured table).
/// </summary>
public sealed record ModelPriceEntry(string Model, decimal InputPerMillion, decimal OutputPerMillion, string Source);

/// <summary>A tenant's own price for a model.</summary>
public sealed record ModelPriceUpdate(decimal? InputPerMillion, decimal? OutputPerMillion);

public static class PriceSources
{
    public const string Tenant = "tenant";
    public const string Platform = "platform";
}

/// <summary>
/// The LLM provider the gateway relays a tenant's calls to: its base URL, whether a key is configured for it (never the
/// key) and the header it goes in, and the setting that chose it (the tenant's own, or the platform's).
/// </summary>
public sealed record UpstreamInfo(string BaseUrl, bool KeyConfigured, string KeyHeader, string Setting, bool TenantsOwn);
