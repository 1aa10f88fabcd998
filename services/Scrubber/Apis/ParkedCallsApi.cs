using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.Scrubber.Infrastructure;
using SlmPlatform.Messaging;

namespace SlmPlatform.Scrubber.Apis;

/// <summary>Calls the scrubber parked (sealed) after its retries: listed without their payload, and replayed.</summary>
public static class ParkedCallsApi
{
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapParkedCallsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/parked-calls").WithTags("Parked calls").RequireAuthorization();
        api.MapGet("", ListParked).WithName("ListParkedCalls").WithSummary("The tenant's parked calls, oldest first: id, when, why, how often");
        api.MapPost("/{id}/replay", Replay).WithName("ReplayParkedCall").WithSummary("Hands a parked call to the scrubber again");
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<ParkedCall>>, ValidationProblem>> ListParked(
        ClaimsPrincipal user, ParkedCallStore parked, CancellationToken cancellationToken, int limit = 100)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"Must be between 1 and {MaxLimit}."] });
        }

        return TypedResults.Ok(await parked.ListAsync(user.GetTenantId(), limit, cancellationToken));
    }

    /// <summary>Publishes the call as it was captured, under its capture's message id, then forgets the parking: a
    /// call that fails again is parked again.</summary>
    public static async Task<Results<Accepted, NotFound>> Replay(
        string id, ClaimsPrincipal user, ParkedCallStore parked, ParkedCallSeal seal, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        var tenantId = user.GetTenantId();
        if (await parked.SealedAsync(tenantId, id, cancellationToken) is not { } sealedBytes)
        {
            return TypedResults.NotFound();
        }

        var captured = JsonSerializer.Deserialize<CallCaptured>(seal.Open(tenantId, id, sealedBytes))!;
        await publisher.PublishMandatoryAsync(captured, captured.CaptureId, cancellationToken);
        await parked.RemoveAsync(tenantId, id, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}
