using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Apis;

/// <summary>The topics (intents) within a task, found by clustering its requests.</summary>
public static class TopicsApi
{
    public static IEndpointRouteBuilder MapTopicsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tasks/{id:guid}/topics").WithTags("Topics").RequireAuthorization();

        api.MapGet("", ListTopics).WithName("ListTopics").WithSummary("A task's topics with their labels, top terms and sizes, and its outlier pool");
        api.MapPost("/recluster", Recluster).WithName("ReclusterTopics").WithSummary("Clusters the task's calls into topics now, keeping topic ids stable");
        return app;
    }

    public static async Task<Results<Ok<TaskTopics>, NotFound>> ListTopics(Guid id, ClaimsPrincipal user, TopicStore store, CancellationToken cancellationToken) =>
        await store.ListAsync(user.GetTenantId(), id, cancellationToken) is { } topics ? TypedResults.Ok(topics) : TypedResults.NotFound();

    public static async Task<Results<Ok<TaskTopics>, NotFound>> Recluster(Guid id, ClaimsPrincipal user, TopicReclusterer reclusterer, CancellationToken cancellationToken) =>
        await reclusterer.ReclusterAsync(user.GetTenantId(), id, cancellationToken) is { } topics ? TypedResults.Ok(topics) : TypedResults.NotFound();
}
