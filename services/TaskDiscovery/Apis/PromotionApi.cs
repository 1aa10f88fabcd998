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
        app.MapGet("/api/promotions", ListTenantDecisions).WithTags("Promotion").RequireAuthorization().WithName("ListTenantPromotionDecisions")
            .WithSummary("The policy's decisions over all the tenant's tasks, newest first; review=pending lists the recommendations waiting for a person");
        var review = app.MapGroup("/api/tasks/{id:guid}/promotions/{decisionId:guid}").WithTags("Promotion").RequireAuthorization();
        review.MapPost("/approve", Approve).WithName("ApprovePromotion")
            .WithSummary("Carries out the task's pending recommendation (manual approval) as the automatic policy would have");
        review.MapPost("/reject", Reject).WithName("RejectPromotion").WithSummary("Turns down the task's pending recommendation; no route changes");
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

    public static async Task<Results<Ok<IReadOnlyList<PromotionDecision>>, ValidationProblem>> ListTenantDecisions(
        string? review, ClaimsPrincipal user, PromotionStore store, CancellationToken cancellationToken)
    {
        if (review is not (null or PromotionReviews.Pending or PromotionReviews.Approved or PromotionReviews.Rejected or PromotionReviews.Superseded))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["review"] = [$"Must be '{PromotionReviews.Pending}', '{PromotionReviews.Approved}', '{PromotionReviews.Rejected}' or '{PromotionReviews.Superseded}'."],
            });
        }

        return TypedResults.Ok(await store.TenantDecisionsAsync(user.GetTenantId(), review, cancellationToken));
    }

    public static async Task<Results<Ok<PromotionDecision>, NotFound, ProblemHttpResult>> Approve(
        Guid id, Guid decisionId, ClaimsPrincipal user, PromotionExecutor executor, PromotionPolicies policies, PromotionStore store,
        CancellationToken cancellationToken)
    {
        var tenantId = user.GetTenantId();
        var policy = await policies.ForAsync(tenantId, cancellationToken);
        var outcome = await executor.ApproveAsync(tenantId, id, decisionId, ReviewerOf(user), policy, cancellationToken);
        return await ReviewedAsync(outcome, tenantId, id, decisionId, store, cancellationToken);
    }

    public static async Task<Results<Ok<PromotionDecision>, NotFound, ProblemHttpResult>> Reject(
        Guid id, Guid decisionId, ClaimsPrincipal user, PromotionExecutor executor, PromotionStore store, CancellationToken cancellationToken)
    {
        var tenantId = user.GetTenantId();
        var outcome = await executor.RejectAsync(tenantId, id, decisionId, ReviewerOf(user), cancellationToken);
        return await ReviewedAsync(outcome, tenantId, id, decisionId, store, cancellationToken);
    }

    private static string ReviewerOf(ClaimsPrincipal user) => user.FindFirstValue(TenantClaims.KeyId) ?? "unknown key";

    private static async Task<Results<Ok<PromotionDecision>, NotFound, ProblemHttpResult>> ReviewedAsync(
        ReviewOutcome outcome, string tenantId, Guid taskId, Guid decisionId, PromotionStore store, CancellationToken cancellationToken)
    {
        var decision = await store.FindDecisionAsync(tenantId, taskId, decisionId, cancellationToken);
        return (outcome, decision) switch
        {
            (ReviewOutcome.Done, not null) => TypedResults.Ok(decision),
            (ReviewOutcome.NotPending, not null) => TypedResults.Problem(
                decision.Review is null
                    ? "This decision was not a recommendation waiting for approval."
                    : $"This recommendation is {decision.Review}; only the task's newest recommendation that nobody reviewed yet can be approved or rejected.",
                statusCode: StatusCodes.Status409Conflict, title: "Not pending"),
            (ReviewOutcome.NotRoutable, _) => TypedResults.Problem(
                "The move could not be carried out (the task's calls carry no workload tag or prompt key yet, or the task is gone); the recommendation stays pending.",
                statusCode: StatusCodes.Status409Conflict, title: "Not applied"),
            _ => TypedResults.NotFound(),
        };
    }

    public static async Task<Results<Ok<PromotionStatus>, NotFound>> GetPromotion(
        Guid id, ClaimsPrincipal user, PromotionStateStore states, CancellationToken cancellationToken) =>
        await states.FindAsync(user.GetTenantId(), id, cancellationToken) is { } state
            ? TypedResults.Ok(PromotionStatuses.Of(state))
            : TypedResults.NotFound();
}
