namespace SlmPlatform.Contracts.Http;

// The tasks service's price table (GET /api/prices, PUT/DELETE /api/prices/{model}), as it answers and as the console
// edits it.

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
