using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.ServiceDefaults;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Apis;

/// <summary>
/// The price table the tenant's spend and savings are costed at: the platform's, with the tenant's own prices over it
/// (set and removed with an admin key).
/// </summary>
public static class PricesApi
{
    public const int MaxModelLength = 200;
    private const decimal MaxPerMillion = 10_000m;

    public static IEndpointRouteBuilder MapPricesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/prices").WithTags("Prices").RequireAuthorization();
        api.MapGet("", ListPrices).WithName("ListPrices").WithSummary("US dollars per million tokens for each model, the tenant's own first");
        api.MapPut("/{model}", SetPrice).WithName("SetPrice").WithSummary("Sets the tenant's own price for a model")
            .WithRequestExample("""{"input_per_million": 2.25, "output_per_million": 9.00}""");
        api.MapDelete("/{model}", RemovePrice).WithName("RemovePrice").WithSummary("Drops the tenant's own price: the platform's applies again");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<ModelPriceEntry>>> ListPrices(ClaimsPrincipal user, PriceTable prices, CancellationToken cancellationToken) =>
        TypedResults.Ok(await prices.ListAsync(user.GetTenantId(), cancellationToken));

    public static async Task<Results<Ok<ModelPriceEntry>, ValidationProblem>> SetPrice(
        string model, ModelPriceUpdate price, ClaimsPrincipal user, PriceTable prices, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(model) || model.Length > MaxModelLength)
        {
            errors["model"] = [$"Give the model's name as the agents send it, at most {MaxModelLength} characters."];
        }

        Check(price.InputPerMillion, "input_per_million", errors);
        Check(price.OutputPerMillion, "output_per_million", errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await prices.SetAsync(user.GetTenantId(), model, price.InputPerMillion!.Value, price.OutputPerMillion!.Value, cancellationToken));
    }

    public static async Task<Results<NoContent, NotFound>> RemovePrice(string model, ClaimsPrincipal user, PriceTable prices, CancellationToken cancellationToken) =>
        await prices.RemoveAsync(user.GetTenantId(), model, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static void Check(decimal? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is not { } perMillion || perMillion < 0 || perMillion > MaxPerMillion || decimal.Round(perMillion, 4) != perMillion)
        {
            errors[field] = [$"Must be US dollars per million tokens, from 0 to {MaxPerMillion:0}, at most 4 decimals."];
        }
    }
}
