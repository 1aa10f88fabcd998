using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.ServiceDefaults;
using SlmPlatform.TaskDiscovery.Infrastructure;
using SlmPlatform.TaskDiscovery.Promotion;

namespace SlmPlatform.TaskDiscovery.Apis;

/// <summary>The tenant's promotion policy, and what it decided for each task and why.</summary>
public static class PromotionApi
{
    public static IEndpointRouteBuilder MapPromotionApi(this IEndpointRouteBuilder app)
    {
        var policy = app.MapGroup("/api/promotion-policy").WithTags("Promotion").RequireAuthorization();
        policy.MapGet("", GetPolicy).WithName("GetPromotionPolicy").WithSummary("The tenant's promotion policy (the service default when it set none)");
        policy.MapPut("", PutPolicy).WithName("PutPromotionPolicy").WithSummary("Sets the tenant's promotion policy")
            .WithRequestExample("""{"approval": "manual", "bar": 0.95, "min_coverage": 0.5, "canary_share": 0.1, "sample": 0.05}""");
        app.MapGet("/api/tasks/{id:guid}/promotions", ListDecisions).WithTags("Promotion").RequireAuthorization()
            .WithName("ListPromotionDecisions").WithSummary("The promotion policy's decisions for the task, newest first, with the figures they rest on");
        app.MapGet("/api/tasks/{id:guid}/promotion", GetPromotion).WithTags("Promotion").RequireAuthorization()
            .WithName("GetPromotion").WithSummary("Where the task's promotion stands: its state, the newcomers waiting for the serving model's score, its checks");
        return app;
    }

    public static async Task<Ok<PromotionPolicy>> GetPolicy(ClaimsPrincipal user, PromotionPolicies policies, CancellationToken cancellationToken) =>
        TypedResults.Ok(await policies.ForAsync(user.GetTenantId(), cancellationToken));

    public static async Task<Results<Ok<PromotionPolicy>, ValidationProblem>> PutPolicy(
        PromotionPolicy policy, ClaimsPrincipal user, PromotionStore store, CancellationToken cancellationToken)
    {
        if (policy.Problems() is { Count: > 0 } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        await store.SavePolicyAsync(user.GetTenantId(), policy, cancellationToken);
        return TypedResults.Ok(policy);
    }

    public static async Task<Results<Ok<IReadOnlyList<PromotionDecision>>, NotFound>> ListDecisions(
        Guid id, ClaimsPrincipal user, TaskStore tasks, PromotionStore store, CancellationToken cancellationToken)
    {
        var tenantId = user.GetTenantId();
        return await tasks.FindAsync(tenantId, id, cancellationToken) is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(await store.DecisionsAsync(tenantId, id, cancellationToken));
    }

    public static async Task<Results<Ok<PromotionStatus>, NotFound>> GetPromotion(
        Guid id, ClaimsPrincipal user, PromotionStateStore states, CancellationToken cancellationToken) =>
        await states.FindAsync(user.GetTenantId(), id, cancellationToken) is { } state
            ? TypedResults.Ok(PromotionStatuses.Of(state))
            : TypedResults.NotFound();
}
