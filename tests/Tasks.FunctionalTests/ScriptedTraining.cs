using System.Collections.Concurrent;
using SlmPlatform.Tasks.Promotion;

namespace SlmPlatform.Tasks.FunctionalTests;

/// <summary>
/// The training service as the promotion policy sees it, scripted: each model's agreement on any test set as the
/// tests set it, and the retraining requests received. (The training service's own evaluations are tested there.)
/// </summary>
public sealed class ScriptedTraining : IModelEvaluations, IModelRetraining
{
    public ConcurrentDictionary<Guid, double> Agreements { get; } = new();

    public ConcurrentQueue<(Guid TaskId, string ClientJobId)> Retrainings { get; } = new();

    /// <summary>Tasks for which the training service is away when a retraining is asked for.</summary>
    public ConcurrentDictionary<Guid, bool> Unreachable { get; } = new();

    public Task<IncumbentScore?> ScoreOnAsync(string tenantId, Guid modelId, string datasetId, CancellationToken cancellationToken) =>
        Task.FromResult(Agreements.TryGetValue(modelId, out var agreement) ? new IncumbentScore(agreement, agreement - 0.02, null) : null);

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
