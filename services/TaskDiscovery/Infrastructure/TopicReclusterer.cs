using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Options;
using SlmPlatform.TaskDiscovery.Clustering;
using SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// Clusters one task's calls into topics from their stored embeddings (re-embedding any the store lacks), labels
/// them with c-TF-IDF terms, keeps topic ids stable by overlap with the last run, stores the outcome and announces
/// it. One run per task at a time.
/// </summary>
public sealed partial class TopicReclusterer(
    TopicStore topics,
    TaskStore tasks,
    ICallVectorStore vectors,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    TopicAssignments assignments,
    IPublishEndpoint publisher,
    IOptionsMonitor<TopicOptions> options,
    ILogger<TopicReclusterer> logger)
{
    private static readonly ConcurrentDictionary<Guid, SemaphoreSlim> Running = new();

    /// <summary>The task's topics after the run; null when the tenant has no such task.</summary>
    public async Task<TaskTopics?> ReclusterAsync(string tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        var gate = Running.GetOrAdd(taskId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (await tasks.TenantOfAsync(taskId, cancellationToken) != tenantId)
            {
                return null;
            }

            await RunAsync(tenantId, taskId, cancellationToken);
            return await topics.ListAsync(tenantId, taskId, cancellationToken);
        }
        finally
        {
            gate.Release();
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
