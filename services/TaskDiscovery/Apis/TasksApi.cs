using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.ServiceDefaults;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Apis;

/// <summary>The recurring tasks found in a tenant's calls, ranked by how many calls they take, with their statistics.</summary>
public static class TasksApi
{
    public const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();

        api.MapGet("", ListTasks).WithName("ListTasks").WithSummary("Tasks (call sites) with calls, tokens, cost, latency and suitability for a specialist");
        api.MapGet("/{id:guid}", GetTask).WithName("GetTask").WithSummary("One task with the distribution of its label-like outputs");
        api.MapGet("/{id:guid}/calls", ListTaskCalls).WithName("ListTaskCalls").WithSummary("A task's calls, filtered by when they started (from, to); pass 'next' as 'after' for the next page");
        return app;
    }

    public static async Task<Ok<IReadOnlyList<TaskSummary>>> ListTasks(ClaimsPrincipal user, TaskStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ListAsync(user.GetTenantId(), cancellationToken));

    public static async Task<Results<Ok<TaskDetail>, NotFound>> GetTask(
        Guid id, ClaimsPrincipal user, TaskStore store, TaskSpecialistStore specialists, CancellationToken cancellationToken) =>
        await store.FindAsync(user.GetTenantId(), id, cancellationToken) is { } task
            ? TypedResults.Ok(task with { Specialist = await specialists.FindAsync(id, cancellationToken) })
            : TypedResults.NotFound();

    public static async Task<Results<Ok<TaskCallPage>, NotFound, ValidationProblem>> ListTaskCalls(
        Guid id, ClaimsPrincipal user, TaskStore store, string? after, string? limit, string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var started = StartedWindow.Parse(from, to, errors);
        var afterSeq = 0L;
        if (!string.IsNullOrEmpty(after) && (!long.TryParse(after, NumberStyles.None, CultureInfo.InvariantCulture, out afterSeq) || afterSeq < 0))
        {
            errors["after"] = ["Must be the 'next' value of a previous page."];
        }

        var pageSize = 100;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxLimit))
        {
            errors["limit"] = [$"Must be a whole number from 1 to {MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var tenantId = user.GetTenantId();
        if (await store.FindAsync(tenantId, id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await store.CallsAsync(tenantId, id, afterSeq, pageSize, started, cancellationToken));
    }
}
