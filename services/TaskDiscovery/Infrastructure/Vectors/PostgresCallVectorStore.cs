using System.Numerics.Tensors;
using Npgsql;

namespace SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

/// <summary>
/// Call embeddings in the tasks database (<c>call_vectors</c>), so that replicas of task discovery share them where no
/// Qdrant runs. Filing writes a vector and re-clustering reads vectors by call id, both by primary key; search is an
/// exact scan of the tenant's rows, which suits the rare lookup it serves but not a hot path (Qdrant's index is for that).
/// </summary>
public sealed class PostgresCallVectorStore(NpgsqlDataSource dataSource) : ICallVectorStore
{
    public async Task UpsertAsync(string tenantId, IReadOnlyList<CallVector> vectors, CancellationToken cancellationToken)
    {
        if (vectors.Count == 0)
        {
            return;
        }

        // One statement for the whole batch: the vectors travel as one array of rows, flattened, and are cut back
        // into rows by their position, so a batch costs one round trip whatever its size.
        var dimensions = vectors[0].Vector.Length;
        if (vectors.Any(v => v.Vector.Length != dimensions))
        {
            throw new ArgumentException("Every vector of a batch has the same length.", nameof(vectors));
        }

        await using var command = dataSource.CreateCommand(
            """
            insert into call_vectors (tenant_id, call_id, task_id, vector)
            select $1, c.call_id, c.task_id, ($4::real[])[((c.n - 1) * $5 + 1)::int : (c.n * $5)::int]
            from unnest($2::text[], $3::uuid[]) with ordinality as c(call_id, task_id, n)
            on conflict (tenant_id, call_id) do update set task_id = excluded.task_id, vector = excluded.vector
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = vectors.Select(v => v.CallId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = vectors.Select(v => v.TaskId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = vectors.SelectMany(v => v.Vector).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = dimensions });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CallVector>> GetAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken)
    {
        if (callIds.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand("select call_id, task_id, vector from call_vectors where tenant_id = $1 and call_id = any($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = callIds.ToArray() });
        var found = new List<CallVector>(callIds.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new CallVector(reader.GetString(0), reader.GetGuid(1), reader.GetFieldValue<float[]>(2)));
        }

        return found;
    }

    public async Task<long> DeleteAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from call_vectors where tenant_id = $1 and call_id = any($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = callIds.ToArray() });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CallSimilarity>> SearchAsync(string tenantId, ReadOnlyMemory<float> query, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var command = dataSource.CreateCommand("select call_id, vector from call_vectors where tenant_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });

        // The best so far, worst first, so that a better hit replaces the root.
        var best = new PriorityQueue<CallSimilarity, float>(limit + 1);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var vector = reader.GetFieldValue<float[]>(1);
            if (vector.Length != query.Length)
            {
                continue;
            }

            var score = TensorPrimitives.CosineSimilarity(query.Span, vector);
            best.Enqueue(new CallSimilarity(reader.GetString(0), score), score);
            if (best.Count > limit)
            {
                best.Dequeue();
            }
        }

        var hits = new CallSimilarity[best.Count];
        for (var i = hits.Length - 1; i >= 0; i--)
        {
            hits[i] = best.Dequeue();
        }

        return hits;
    }
}
