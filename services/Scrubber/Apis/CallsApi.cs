using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.Scrubber.Infrastructure;

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
            .WithSummary("Scrubbed calls in the order they were stored, filtered by agent or workload; pass 'next' as 'after' for the next page");

        return app;
    }

    public static async Task<Results<Ok<StoredCall>, NotFound>> GetCall(string id, ClaimsPrincipal user, CallStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(user.GetTenantId(), id, cancellationToken) is { } call
            ? TypedResults.Ok(call)
            : TypedResults.NotFound();

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
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
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

        var query = new CallQuery(NullIfEmpty(agent), NullIfEmpty(workload), afterSeq, pageSize);
        return TypedResults.Ok(await store.ListAsync(user.GetTenantId(), query, cancellationToken));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
