using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Gateway.Apis;

/// <summary>
/// A tenant's API keys, for its admins (admin scope): issue one with scopes and an expiry (the key is in the answer
/// once, never again), list them without secrets, rotate one (a new key; the old one keeps working for the overlap so
/// agents can move over) and revoke one (refused everywhere within seconds). Hosted by the gateway, the platform's
/// front door, as LLM proxies host their keys.
/// </summary>
public static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/keys").WithTags("Keys").RequireAuthorization(ApiScopes.Admin);
        api.MapGet("", ListKeys).WithName("ListKeys").WithSummary("The tenant's keys, newest first (never the keys themselves)");
        api.MapPost("", IssueKey).WithName("IssueKey").WithSummary("Issues a key with scopes (capture, read, admin) and an optional expiry; the answer holds the key, once")
            .WithRequestExample("""{"name": "support-bot production", "scopes": ["capture"], "expires_at": "2027-12-31T00:00:00Z"}""");
        api.MapPost("/{id:guid}/rotate", RotateKey).WithName("RotateKey")
            .WithSummary("Issues the key's successor (same name and scopes); the old key stops after overlap_seconds (default 3600)");
        api.MapDelete("/{id:guid}", RevokeKey).WithName("RevokeKey").WithSummary("Revokes the key; every service refuses it within seconds");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<IssuedKeyInfo>>> ListKeys(ClaimsPrincipal user, ApiKeyRegistry keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(user.GetTenantId(), cancellationToken));

    public static async Task<Results<Created<IssuedKey>, ValidationProblem>> IssueKey(
        KeyRequest request, ClaimsPrincipal user, ApiKeyRegistry keys, TimeProvider time, CancellationToken cancellationToken)
    {
        if (request.Problems(time.GetUtcNow()) is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var issued = await keys.IssueAsync(user.GetTenantId(), request.Name!.Trim(), request.Scopes!, request.ExpiresAt, cancellationToken);
        return TypedResults.Created($"/api/keys/{issued.Info.KeyId}", issued);
    }

    public static async Task<Results<Created<IssuedKey>, NotFound, ValidationProblem>> RotateKey(
        Guid id, RotationRequest? request, ClaimsPrincipal user, ApiKeyRegistry keys, TimeProvider time, CancellationToken cancellationToken)
    {
        var overlap = request?.OverlapSeconds ?? RotationRequest.DefaultOverlapSeconds;
        if (overlap is < 0 or > RotationRequest.MaxOverlapSeconds)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["overlap_seconds"] = [$"Must be from 0 to {RotationRequest.MaxOverlapSeconds} (30 days)."],
            });
        }

        return await keys.RotateAsync(user.GetTenantId(), id, time.GetUtcNow().AddSeconds(overlap), cancellationToken) is { } issued
            ? TypedResults.Created($"/api/keys/{issued.Info.KeyId}", issued)
            : TypedResults.NotFound();
    }

    public static async Task<Results<NoContent, NotFound>> RevokeKey(Guid id, ClaimsPrincipal user, ApiKeyRegistry keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(user.GetTenantId(), id, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();
}
