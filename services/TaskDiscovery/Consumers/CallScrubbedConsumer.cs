using MassTransit;
using SlmPlatform.TaskDiscovery.Infrastructure;
using SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

namespace SlmPlatform.TaskDiscovery.Consumers;

/// <summary>
/// Files each scrubbed call under its call site (creating and announcing the task on first sight) and, when the call
/// has request text, embeds it, stores the vector and places the call in the nearest topic or the outlier pool. Every
/// step is idempotent, so a redelivered call adds no row and no vector; the call that revealed a task announces it on
/// every delivery, under one event id, so a lost announcement is made good and consumers drop the repeats.
/// </summary>
public sealed partial class CallScrubbedConsumer(
    TaskStore store,
    CallSiteMatcher callSites,
    TopicAssignments topics,
    ICallVectorStore vectors,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    TaskSpecialistStore specialists,
    RouteChangeOutbox outbox,
    TimeProvider time,
    ILogger<CallScrubbedConsumer> logger) : IConsumer<CallScrubbed>
{
    public async Task Consume(ConsumeContext<CallScrubbed> context)
    {
        var call = context.Message;
        var cancellationToken = context.CancellationToken;
        var site = CallSite.Of(call);
        var (signature, foldInto) = await callSites.MatchAsync(call, site, cancellationToken);
        var (revealed, fileUnder, name) = await store.EnsureTaskAsync(call, site, signature, foldInto, cancellationToken);
        callSites.Remember(site.TaskId(call.TenantId));
        var taskId = fileUnder;

        int? topicId = null;
        if (call.Facts?.RequestText is { Length: > 0 } text)
        {
            var vector = (await embeddings.GenerateAsync([text], cancellationToken: cancellationToken))[0].Vector;
            if (await topics.AssignAsync(taskId, vector, cancellationToken) is { } topic)
            {
                (taskId, topicId) = (topic.TaskId, topic.TopicId);
            }

            await vectors.UpsertAsync(call.TenantId, [new CallVector(call.CallId, taskId, vector.ToArray())], cancellationToken);
        }

        await store.RecordCallAsync(call, taskId, topicId, cancellationToken);
        if (await store.NewRouteKeyAsync(call, cancellationToken) is { } newKey)
        {
            // A promoted task met a new prompt (a template filled anew): its calls route from now on too. The gateways'
            // change is in the outbox before the key is the task's, so a redelivery after a failure between the two
            // still finds the key new and announces it.
            if (await specialists.FindAsync(taskId, cancellationToken) is { } specialist
                && await store.FindAsync(call.TenantId, taskId, cancellationToken) is { } promoted)
            {
                var version = promoted.Task.Version;
                await outbox.AddAsync(
                    RouteChangeOutbox.Change(call.TenantId, taskId, version, [.. promoted.RouteKeys, newKey], specialist.RouteFor(taskId, version), time.GetUtcNow()),
                    cancellationToken);
            }

            await store.AddRouteKeyAsync(call.TenantId, newKey, taskId, cancellationToken);
        }

        var discoveredId = site.TaskId(call.TenantId);

        // A call site folded into another (on first sight, or later by hand) is not a new task.
        if (!revealed || fileUnder != discoveredId)
        {
            return;
        }

        LogDiscovered(discoveredId, call.TenantId);
        var discovered = new TaskDiscovered(DeterministicId.Create("task-discovered", call.TenantId, discoveredId.ToString()), call.TenantId, discoveredId, name, site.Agent, site.Workload, site.OutputKind);
        await context.Publish(discovered, publish => publish.MessageId = discovered.EventId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Discovered task {TaskId} for tenant {TenantId}")]
    private partial void LogDiscovered(Guid taskId, string tenantId);
}
