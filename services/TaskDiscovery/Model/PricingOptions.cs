namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>Section <c>Pricing</c>: what the upstream models cost, editable per deployment.</summary>
public sealed class PricingOptions
{
    public const string SectionName = "Pricing";

    public Dictionary<string, ModelPrice> Models { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool TryPrice(string model, long promptTokens, long completionTokens, out decimal cost)
    {
        cost = 0;
        if (!Models.TryGetValue(model, out var price))
        {
            return false;
        }

        cost = (promptTokens * price.InputPerMillion + completionTokens * price.OutputPerMillion) / 1_000_000m;
        return true;
    }
}

/// <summary>US dollars per million tokens.</summary>
public sealed class ModelPrice
{
    public decimal InputPerMillion { get; set; }

    public decimal OutputPerMillion { get; set; }
}
