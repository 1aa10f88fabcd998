using MassTransit;
using Microsoft.Extensions.Options;
using SlmPlatform.TaskDiscovery.Clustering;
using SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// Clusters one task's calls into topics from their stored embeddings (re-embedding any the store lacks), labels
/// them with c-TF-IDF terms, keeps topic ids stable by overlap with the last run, stores the outcome and announces
/// it. One run per task at a time, across every replica (<see cref="TopicClusteringLock"/>).
/// </summary>
public sealed partial class TopicReclusterer(
    TopicStore topics,
    TaskStore tasks,
    ICallVectorStore vectors,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    TopicAssignments assignments,
    TopicClusteringLock clusteringLock,
    IPublishEndpoint publisher,
    IOptionsMonitor<TopicOptions> options,
    ILogger<TopicReclusterer> logger)
{
    /// <summary>On demand: waits for a run in progress, then runs; the task's topics after it, or null when the tenant has no such task.</summary>
    public async Task<TaskTopics?> ReclusterAsync(string tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        if (await tasks.TenantOfAsync(taskId, cancellationToken) != tenantId)
        {
            return null;
        }

        await using (await clusteringLock.AcquireAsync(taskId, wait: true, cancellationToken))
        {
            await RunAsync(tenantId, taskId, cancellationToken);
        }

        return await topics.ListAsync(tenantId, taskId, cancellationToken);
    }

    /// <summary>
    /// On schedule: every replica's schedule finds the same tasks due, so a task that another replica is clustering
    /// now is left to it, and one whose run ended since the list was read is no longer due.
    /// </summary>
    public async Task ReclusterIfDueAsync(string tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        await using var held = await clusteringLock.AcquireAsync(taskId, wait: false, cancellationToken);
        var settings = options.CurrentValue;
        if (held is not null && await topics.IsDueForClusteringAsync(taskId, settings.MinCalls, settings.Growth, cancellationToken))
        {
            await RunAsync(tenantId, taskId, cancellationToken);
        }
    }

    private async Task RunAsync(string tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var calls = await topics.CallsToClusterAsync(taskId, cancellationToken);
        if (calls.Count < Math.Max(2, settings.MinClusterSize))
        {
            return;
        }

        var set = await VectorsAsync(tenantId, taskId, calls, cancellationToken);
        var clustering = TopicClusterer.Cluster(set, new TopicClusteringOptions { MinClusterSize = settings.MinClusterSize }, cancellationToken);
        var ids = calls.Select(c => c.CallId).ToList();
        var previous = calls.Where(c => c.TopicId is not null).ToDictionary(c => c.CallId, c => (long)c.TopicId!.Value, StringComparer.Ordinal);
        var (stable, next) = ClusterIdMatcher.Match(ids, clustering.Labels, previous, await topics.NextTopicIdAsync(taskId, cancellationToken));
        var terms = ClassTfIdf.TopTerms([.. calls.Select(c => c.Text)], clustering.Labels, settings.Terms);

        var found = new List<ClusteredTopic>();
        var assigner = clustering.Assigner;
        for (var slot = 0; slot < assigner.ClusterCount; slot++)
        {
            var label = assigner.ClusterIds[slot];
            var words = terms.TryGetValue(label, out var top) ? top.Select(t => t.Term).ToList() : [];
            var name = words.Count > 0 ? string.Join('_', words.Take(3)) : $"topic_{stable[label]}";
            found.Add(new ClusteredTopic((int)stable[label], name, words, assigner.Centroid(slot).ToArray(), assigner.Threshold(slot)));
        }

        var topicIds = clustering.Labels.Select(l => l >= 0 ? (int?)stable[l] : null).ToList();
        var changed = await topics.SaveClusteringAsync(taskId, found, ids, topicIds, (int)next, cancellationToken);
        assignments.Forget(taskId);
        if (changed is not null)
        {
            LogClustered(taskId, found.Count, clustering.OutlierCount, calls.Count);
            var message = changed.ToEvent(TaskChanges.Topics);
            await publisher.Publish(message, publish => publish.MessageId = message.EventId, cancellationToken);
        }
    }

    private async Task<VectorSet> VectorsAsync(
        string tenantId, Guid taskId, IReadOnlyList<(string CallId, string Text, int? TopicId)> calls, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var chunk in calls.Chunk(1000))
        {
            foreach (var vector in await vectors.GetAsync(tenantId, [.. chunk.Select(c => c.CallId)], cancellationToken))
            {
                stored[vector.CallId] = vector.Vector;
            }
        }

        var missing = calls.Where(c => !stored.ContainsKey(c.CallId)).ToList();
        if (missing.Count > 0)
        {
            var generated = await embeddings.GenerateAsync([.. missing.Select(c => c.Text)], cancellationToken: cancellationToken);
            var restored = missing.Select((c, i) => new CallVector(c.CallId, taskId, generated[i].Vector.ToArray())).ToList();
            await vectors.UpsertAsync(tenantId, restored, cancellationToken);
            foreach (var vector in restored)
            {
                stored[vector.CallId] = vector.Vector;
            }
        }

        return VectorSet.From([.. calls.Select(c => (ReadOnlyMemory<float>)stored[c.CallId])]);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Clustered task {TaskId}: {Topics} topics, {Outliers} outliers of {Calls} calls")]
    private partial void LogClustered(Guid taskId, int topics, int outliers, int calls);
}
