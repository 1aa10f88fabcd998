using System.Collections.Concurrent;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// Each task family's topic centroids, read once and kept until a re-clustering, split or merge replaces them (or,
/// with several replicas, until they age out), so filing a call costs no extra query.
/// </summary>
public sealed class TopicAssignments(TopicStore store, TimeProvider time)
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<Guid, (TopicCentroids Centroids, DateTimeOffset ReadAt)> _byTask = new();

    public async Task<TopicCentroid?> AssignAsync(Guid taskId, ReadOnlyMemory<float> vector, CancellationToken cancellationToken)
    {
        if (!_byTask.TryGetValue(taskId, out var entry) || time.GetUtcNow() - entry.ReadAt > MaxAge)
        {
            entry = (await store.CentroidsAsync(taskId, cancellationToken), time.GetUtcNow());
            _byTask[taskId] = entry;
        }

        return entry.Centroids.Assign(vector.Span);
    }

    public void Forget(Guid taskId) => _byTask.TryRemove(taskId, out _);

    public void ForgetAll() => _byTask.Clear();
}
