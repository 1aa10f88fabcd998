using System.Security.Claims;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.ServiceDefaults;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Apis;

/// <summary>Rename, ignore, merge and split tasks. Each change is announced as <see cref="TaskChanged"/>.</summary>
public static class TaskCurationApi
{
    public const int MaxNameLength = 200;

    public static IEndpointRouteBuilder MapTaskCurationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tasks/{id:guid}").WithTags("Tasks").RequireAuthorization();

        api.MapPatch("", UpdateTask).WithName("UpdateTask").WithSummary("Renames a task, or ignores or restores it (an ignored task is never trained)")
            .WithRequestExample("""{"name": "Card delivery questions"}""");
        api.MapPost("/merge", MergeTasks).WithName("MergeTasks").WithSummary("Folds other tasks into this one: their calls and future calls land here");
        api.MapPost("/split", SplitTask).WithName("SplitTask").WithSummary("Moves some of this task's topics into a new task");
        return app;
    }

    public static async Task<Results<Ok<TaskVersion>, NotFound, ValidationProblem>> UpdateTask(
        Guid id, TaskUpdate update, ClaimsPrincipal user, TaskCurationStore store, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        if (update.Name is null && update.Ignored is null)
        {
            return Invalid("name", "Give a new name, 'ignored', or both.");
        }

        if (update.Name is { } name && NameError(name) is { } error)
        {
            return Invalid("name", error);
        }

        if (await store.UpdateAsync(user.GetTenantId(), id, update.Name?.Trim(), update.Ignored, cancellationToken) is not { } changed)
        {
            return TypedResults.NotFound();
        }

        var change = update.Ignored switch
        {
            true => TaskChanges.Ignored,
            false => TaskChanges.Restored,
            null => TaskChanges.Renamed,
        };
        await PublishAsync(publisher, cancellationToken, (changed, change));
        return TypedResults.Ok(changed);
    }

    public static async Task<Results<Ok<TaskVersion>, NotFound, ValidationProblem>> MergeTasks(
        Guid id, TaskMerge merge, ClaimsPrincipal user, TaskCurationStore store, TopicAssignments assignments, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        if (merge.TaskIds is not { Count: > 0 and <= 100 } sources || sources.Contains(id) || sources.Distinct().Count() != sources.Count)
        {
            return Invalid("task_ids", "List from 1 to 100 distinct tasks to merge, not including this one.");
        }

        if (await store.MergeAsync(user.GetTenantId(), id, sources, cancellationToken) is not { } merged)
        {
            return TypedResults.NotFound();
        }

        assignments.ForgetAll();
        await PublishAsync(publisher, cancellationToken, [(merged.Target, TaskChanges.Absorbed), .. merged.Sources.Select(s => (s, TaskChanges.Merged))]);
        return TypedResults.Ok(merged.Target);
    }

    public static async Task<Results<Ok<TaskSplitResult>, NotFound, ValidationProblem>> SplitTask(
        Guid id, TaskSplit split, ClaimsPrincipal user, TaskCurationStore store, TopicAssignments assignments, IPublishEndpoint publisher, CancellationToken cancellationToken)
    {
        if (split.TopicIds is not { Count: > 0 } topics)
        {
            return Invalid("topic_ids", "List the topics to split off (their ids from /topics).");
        }

        if (split.Name is not { } name || NameError(name) is not null)
        {
            return Invalid("name", NameError(split.Name ?? string.Empty) ?? "Required.");
        }

        if (await store.SplitAsync(user.GetTenantId(), id, topics, name.Trim(), cancellationToken) is not { } result)
        {
            return TypedResults.NotFound();
        }

        assignments.Forget(id);
        await PublishAsync(publisher, cancellationToken, (result.Parent, TaskChanges.Split), (result.Child, TaskChanges.SplitOff));
        return TypedResults.Ok(new TaskSplitResult(id, result.Child.TaskId));
    }

    private static string? NameError(string name) => string.IsNullOrWhiteSpace(name)
        ? "Must not be empty."
        : name.Trim().Length > MaxNameLength ? $"Must be at most {MaxNameLength} characters." : null;

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static async Task PublishAsync(IPublishEndpoint publisher, CancellationToken cancellationToken, params (TaskVersion Task, string Change)[] changes)
    {
        foreach (var (task, change) in changes)
        {
            var message = task.ToEvent(change);
            await publisher.Publish(message, publish => publish.MessageId = message.EventId, cancellationToken);
        }
    }
}
