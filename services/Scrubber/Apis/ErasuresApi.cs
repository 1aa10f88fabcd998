using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SlmPlatform.ApiKeys;
using SlmPlatform.Scrubber.Infrastructure;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Scrubber.Apis;

/// <summary>
/// Erasure of a tenant's calls from every store: one call, an agent's calls, or all of them. The calls service deletes
/// its own rows at once and tells the other services, which report what they deleted; the erasure's page shows it.
/// </summary>
public static class ErasuresApi
{
    public const int MaxAgentLength = 200;

    public static IEndpointRouteBuilder MapErasuresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/erasures").WithTags("Erasures").RequireAuthorization();
        api.MapPost("", Erase).WithName("EraseCalls")
            .WithSummary("Erases one call, an agent's calls or every call of the tenant from every store (admin)")
            .WithRequestExample("""{"agent": "support-agent"}""");
        api.MapGet("/{id:guid}", GetErasure).WithName("GetErasure")
            .WithSummary("What each store deleted for the erasure, and the services still to report");
        return app;
    }

    public static async Task<Results<Accepted<ErasureStatus>, ValidationProblem, NotFound>> Erase(
        ErasureRequest request, ClaimsPrincipal user, ErasureStore erasures, ErasureOutbox outbox, IOptions<ErasureOptions> options,
        CancellationToken cancellationToken)
    {
        if (ScopeOf(request) is not { } scope)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["call_id"] = ["Give exactly one of call_id, agent or whole_tenant: true."],
                ["agent"] = [$"An agent's name, 1 to {MaxAgentLength} characters."],
                ["whole_tenant"] = ["true to erase every call of the tenant."],
            });
        }

        var tenantId = user.GetTenantId();
        if (await erasures.EraseAsync(tenantId, scope, cancellationToken) is not { } erasureId)
        {
            return TypedResults.NotFound();
        }

        await outbox.TryPublishAsync(erasureId, cancellationToken);
        var status = await erasures.FindAsync(tenantId, erasureId, options.Value.Reporting, cancellationToken);
        return TypedResults.Accepted($"/api/erasures/{erasureId}", status);
    }

    public static async Task<Results<Ok<ErasureStatus>, NotFound>> GetErasure(
        Guid id, ClaimsPrincipal user, ErasureStore erasures, IOptions<ErasureOptions> options, CancellationToken cancellationToken) =>
        await erasures.FindAsync(user.GetTenantId(), id, options.Value.Reporting, cancellationToken) is { } status
            ? TypedResults.Ok(status)
            : TypedResults.NotFound();

    private static ErasureScope? ScopeOf(ErasureRequest request) => request switch
    {
        { CallId: { Length: > 0 and <= 200 } id, Agent: null, WholeTenant: null or false } => new ErasureScope(ErasureScopes.Call, id),
        { Agent: { Length: > 0 and <= MaxAgentLength } agent, CallId: null, WholeTenant: null or false } => new ErasureScope(ErasureScopes.Agent, agent),
        { WholeTenant: true, CallId: null, Agent: null } => new ErasureScope(ErasureScopes.Tenant, null),
        _ => null,
    };
}
