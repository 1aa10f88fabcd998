using System.Collections.Concurrent;
using SlmPlatform.TaskDiscovery.Promotion;

namespace SlmPlatform.TaskDiscovery.FunctionalTests;

/// <summary>
/// The training service's retraining as the promotion policy sees it, scripted: the requests received, and tasks for
/// which training is away. (Evaluation requests go over the real broker: <see cref="DiscoveryFixture.EvaluationRequests"/>.)
/// </summary>
public sealed class ScriptedTraining : IModelRetraining
{
    public ConcurrentQueue<(Guid TaskId, string ClientJobId)> Retrainings { get; } = new();

    /// <summary>Tasks for which the training service is away when a retraining is asked for.</summary>
    public ConcurrentDictionary<Guid, bool> Unreachable { get; } = new();

    public Task RequestAsync(string tenantId, Guid taskId, string clientJobId, CancellationToken cancellationToken)
    {
        if (Unreachable.ContainsKey(taskId))
        {
            throw new HttpRequestException("The training service did not answer.");
        }

        Retrainings.Enqueue((taskId, clientJobId));
        return Task.CompletedTask;
    }
}
