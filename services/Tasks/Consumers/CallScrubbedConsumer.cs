using MassTransit;
using SlmPlatform.Tasks.Infrastructure;

namespace SlmPlatform.Tasks.Consumers;

/// <summary>
/// Files each scrubbed call under its call site, creating the task on first sight and announcing it. A redelivered
/// call adds no row; the call that revealed a task announces it on every delivery, under one event id, so a lost
/// announcement is made good and consumers drop the repeats.
/// </summary>
public sealed partial class CallScrubbedConsumer(TaskStore store, ILogger<CallScrubbedConsumer> logger) : IConsumer<CallScrubbed>
{
    public async Task Consume(ConsumeContext<CallScrubbed> context)
    {
        var call = context.Message;
        var site = CallSite.Of(call);
        if (!await store.RecordAsync(call, site, context.CancellationToken))
        {
            return;
        }

        var taskId = site.TaskId(call.TenantId);
        LogDiscovered(taskId, call.TenantId);
        var discovered = new TaskDiscovered(DeterministicId.Create("task-discovered", call.TenantId, taskId.ToString()), call.TenantId, taskId, site.Name, site.Agent, site.Workload, site.OutputKind);
        await context.Publish(discovered, publish => publish.MessageId = discovered.EventId, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discovered task {TaskId} for tenant {TenantId}")]
    private partial void LogDiscovered(Guid taskId, string tenantId);
}
