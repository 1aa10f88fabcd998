using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.Scrubber.Infrastructure;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Scrubber.Apis;

/// <summary>Scrubbed calls, read back by their tenant only.</summary>
public static class CallsApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
    public const int MaxLookup = 500;

    public static IEndpointRouteBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calls").WithTags("Calls");

        api.MapGet("/{id}", GetCall).RequireAuthorization()
            .WithName("GetCall")
            .WithSummary("One scrubbed call by its id");

        // A read that carries its ids in a body: the read scope, not admin.
        api.MapPost("/lookup", LookupCalls).RequireAuthorization(ApiScopes.Read)
            .WithName("LookupCalls")
            .WithSummary($"Several scrubbed calls by id (at most {MaxLookup}); ids the tenant does not have are left out");

        api.MapGet("", ListCalls).RequireAuthorization()
            .WithName("ListCalls")
            .WithSummary("Scrubbed calls in the order they were stored, filtered by agent, workload and when they started (from, to); pass 'next' as 'after' for the next page");

        return app;
    }

    /// <summary>
    /// The stored call; else 404, saying so where ingest accepted the call and the scrubber has not stored it yet
    /// (<c>state</c> <c>accepted</c>, with <c>Retry-After</c>) or parked it (<c>state</c> <c>parked</c>).
    /// </summary>
    public static async Task<Results<Ok<StoredCall>, NotFound, ProblemHttpResult>> GetCall(
        string id, ClaimsPrincipal user, CallStore store, AcceptedCallNotesReader accepted, ParkedCallStore parked, HttpContext context,
        CancellationToken cancellationToken)
    {
        var tenantId = user.GetTenantId();
        if (await store.FindAsync(tenantId, id, cancellationToken) is { } call)
        {
            return TypedResults.Ok(call);
        }

        if (await parked.SealedAsync(tenantId, id, cancellationToken) is not null)
        {
            return TypedResults.Problem(
                $"Call '{id}' was accepted but could not be stored, and is parked: GET /api/parked-calls lists it, POST /api/parked-calls/{{id}}/replay stores it again.",
                statusCode: StatusCodes.Status404NotFound, title: "Parked", extensions: new Dictionary<string, object?> { ["state"] = "parked" });
        }

        if (await accepted.AcceptedAtAsync(tenantId, id) is not { } acceptedAt)
        {
            return TypedResults.NotFound();
        }

        // Scrubbing follows acceptance within seconds; the header tells a polling client when to ask again.
        context.Response.Headers.RetryAfter = "2";
        return TypedResults.Problem(
            $"Call '{id}' was accepted by ingest and is not stored yet: the scrubber stores a call seconds after it is accepted. Ask again shortly.",
            statusCode: StatusCodes.Status404NotFound, title: "Not stored yet",
            extensions: new Dictionary<string, object?> { ["state"] = "accepted", ["accepted_at"] = acceptedAt });
    }

    public static async Task<Results<Ok<CallLookupResult>, ValidationProblem>> LookupCalls(
        CallLookup lookup, ClaimsPrincipal user, CallStore store, CancellationToken cancellationToken)
    {
        if (lookup.Ids is not { Count: > 0 and <= MaxLookup } ids || ids.Any(string.IsNullOrEmpty))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["ids"] = [$"Must list from 1 to {MaxLookup} call ids, none empty."],
            });
        }

        return TypedResults.Ok(new CallLookupResult(await store.FindManyAsync(user.GetTenantId(), ids, cancellationToken)));
    }

    public static async Task<Results<Ok<CallPage>, ValidationProblem>> ListCalls(
        ClaimsPrincipal user,
        CallStore store,
        string? agent,
        string? workload,
        string? after,
        string? limit,
        string? from,
        string? to,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var started = StartedWindow.Parse(from, to, errors);
        var afterSeq = 0L;
        if (!string.IsNullOrEmpty(after) && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterSeq) || afterSeq < 0))
        {
            errors["after"] = ["Must be the 'next' value of a previous page."];
        }

        var pageSize = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"Must be a whole number from 1 to {MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = new CallQuery(NullIfEmpty(agent), NullIfEmpty(workload), afterSeq, pageSize, started.From, started.To);
        return TypedResults.Ok(await store.ListAsync(user.GetTenantId(), query, cancellationToken));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
