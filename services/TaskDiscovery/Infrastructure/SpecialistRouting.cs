using MassTransit;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>What a change of a task's specialist came to.</summary>
public enum RoutingChange
{
    Done,
    TaskNotFound,
    NotRoutable,
}

/// <summary>
/// Puts a specialist in front of a task's calls, or takes it away: the record and, in the same transaction, the
/// gateways' <see cref="SpecialistRouteChanged"/> for every key the task's calls came with (published from the outbox);
/// then the <see cref="TaskChanged"/> event. A person's request and the promotion policy both come through here.
/// Online agreement in a mode counts only what the gateways compare after the change.
/// </summary>
public sealed class SpecialistRouting(
    TaskStore tasks, TaskSpecialistStore specialists, RoutingDayStore routingDays, IPublishEndpoint publisher, TimeProvider time)
{
    public async Task<(RoutingChange Outcome, TaskSpecialist? Specialist)> PromoteAsync(
        string tenantId, Guid taskId, Guid modelId, string mode, double? share, double sample, double? threshold, CancellationToken cancellationToken)
    {
        if (await tasks.FindAsync(tenantId, taskId, cancellationToken) is not { } task)
        {
            return (RoutingChange.TaskNotFound, null);
        }

        if (task.RouteKeys.Count == 0)
        {
            return (RoutingChange.NotRoutable, null);
        }

        var today = await TodayAsync(tenantId, taskId, cancellationToken);
        var check = OutputChecks.For(task.Task.OutputKind, task.Labels, task.Task.Calls);
        var now = time.GetUtcNow();
        var specialist = new TaskSpecialist(modelId, mode, check, now, share, sample, threshold);
        if (await specialists.PromoteAsync(tenantId, taskId, modelId, mode, share, sample, threshold, check, today, task.Task.Calls,
                version => RouteChangeOutbox.Change(tenantId, taskId, version, task.RouteKeys, specialist.RouteFor(taskId, version), now), cancellationToken) is not { } changed)
        {
            return (RoutingChange.TaskNotFound, null);
        }

        var promoted = (await specialists.FindAsync(taskId, cancellationToken))!;
        var message = changed.ToEvent(TaskChanges.Promoted);
        await publisher.Publish(message, publish => publish.MessageId = message.EventId, cancellationToken);
        return (RoutingChange.Done, promoted);
    }

    public async Task<RoutingChange> DemoteAsync(string tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        if (await tasks.FindAsync(tenantId, taskId, cancellationToken) is not { } task || await specialists.FindAsync(taskId, cancellationToken) is null)
        {
            return RoutingChange.TaskNotFound;
        }

        var now = time.GetUtcNow();
        if (await specialists.DemoteAsync(tenantId, taskId, version => RouteChangeOutbox.Change(tenantId, taskId, version, task.RouteKeys, null, now), cancellationToken) is { } changed)
        {
            var message = changed.ToEvent(TaskChanges.Demoted);
            await publisher.Publish(message, publish => publish.MessageId = message.EventId, cancellationToken);
        }

        return RoutingChange.Done;
    }

    /// <summary>The gateways' comparisons (compared, agreed) since the specialist took its mode.</summary>
    public async Task<(long Compared, long Agreed)> OnlineSinceAsync(string tenantId, Guid taskId, TaskSpecialist specialist, CancellationToken cancellationToken)
    {
        var days = await routingDays.ReadAsync(
            tenantId, taskId, DateOnly.FromDateTime(specialist.PromotedAt.UtcDateTime), DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken);
        return (Math.Max(0, days.Sum(d => d.ShadowCompared) - specialist.OnlineBefore.Compared), Math.Max(0, days.Sum(d => d.ShadowAgreed) - specialist.OnlineBefore.Agreed));
    }

    private async Task<(long Compared, long Agreed)> TodayAsync(string tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var days = await routingDays.ReadAsync(tenantId, taskId, today, today, cancellationToken);
        return (days.Sum(d => d.ShadowCompared), days.Sum(d => d.ShadowAgreed));
    }
}
