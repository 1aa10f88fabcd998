using Npgsql;
using SlmPlatform.Embeddings;
using SlmPlatform.Messaging.Erasure;
using SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// Deletes what task discovery keeps of erased calls: their rows (with their scrubbed text), their vectors and the
/// cached embeddings of their text. Deleting again deletes nothing more, so a redelivered part is harmless. Topics
/// (centroids and labels over many calls) and a task's first call id stay, unless the whole tenant is erased
/// (<see cref="TenantTasksErasure"/>).
/// </summary>
public sealed class CallErasure(
    NpgsqlDataSource dataSource, ICallVectorStore vectors, IEmbeddingGenerator<string, Embedding<float>> embeddings, TenantTasksErasure tenantTasks)
    : ICallErasure
{
    private const int CallsPerRound = 1000;

    public static string QueueName => "task-discovery-erasures";

    public static string Service => "tasks";

    public async Task<IReadOnlyDictionary<string, long>> EraseAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken)
    {
        // The rows go last: they hold the texts that name the cache's entries.
        var texts = await TextsAsync(tenantId, callIds, cancellationToken);
        var cached = embeddings.GetService<CachingEmbeddingGenerator>() is { } caching ? await caching.ForgetAsync(texts, cancellationToken) : 0;
        var vectorsDeleted = await vectors.DeleteAsync(tenantId, callIds, cancellationToken);

        await using var delete = dataSource.CreateCommand("delete from task_calls where tenant_id = $1 and call_id = any($2)");
        delete.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        delete.Parameters.Add(new NpgsqlParameter { Value = callIds.ToArray() });
        var rows = await delete.ExecuteNonQueryAsync(cancellationToken);
        return new Dictionary<string, long> { ["task_calls"] = rows, ["call_vectors"] = vectorsDeleted, ["embedding_cache"] = cached };
    }

    /// <summary>
    /// Every call the tenant still has here (however the earlier parts went, and calls filed since the erasure began),
    /// then its tasks and all that hangs on them.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, long>> EraseTenantAsync(string tenantId, CancellationToken cancellationToken)
    {
        var deleted = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await RemainingCallIdsAsync(tenantId, cancellationToken) is { Count: > 0 } callIds)
        {
            Add(deleted, await EraseAsync(tenantId, callIds, cancellationToken));
        }

        Add(deleted, await tenantTasks.EraseAsync(tenantId, cancellationToken));
        return deleted;
    }

    private static void Add(Dictionary<string, long> sums, IReadOnlyDictionary<string, long> counts)
    {
        foreach (var (store, count) in counts)
        {
            sums[store] = sums.GetValueOrDefault(store) + count;
        }
    }

    private async Task<List<string>> RemainingCallIdsAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select call_id from task_calls where tenant_id = $1 limit $2");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = CallsPerRound });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private async Task<List<string>> TextsAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select distinct request_text from task_calls where tenant_id = $1 and call_id = any($2) and request_text is not null");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = callIds.ToArray() });
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }
}
