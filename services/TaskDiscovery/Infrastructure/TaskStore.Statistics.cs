using Npgsql;
using NpgsqlTypes;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>A task's statistics: calls, tokens, latency, labels and cost, read from one snapshot.</summary>
public sealed partial class TaskStore
{
    /// <summary>
    /// Statistics, label counts and costs from one snapshot, so that they describe the same calls while more keep
    /// arriving.
    /// </summary>
    private async Task<(List<TaskSummary> Summaries, Dictionary<Guid, List<LabelCount>> Labels)> SummariesAsync(
        string tenantId, Guid? taskId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var labels = await LabelsAsync(connection, tenantId, taskId, cancellationToken);
        var costs = await CostsAsync(connection, tenantId, taskId, cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            select t.task_id, t.name, t.agent, t.workload, t.output_kind, t.created_at,
                   count(c.call_id), coalesce(sum(c.prompt_tokens), 0), coalesce(sum(c.completion_tokens), 0),
                   percentile_cont(0.5) within group (order by c.latency_ms),
                   percentile_cont(0.95) within group (order by c.latency_ms),
                   t.ignored, t.split_from, t.version, (select count(*) from task_topics p where p.task_id = t.task_id)
            from tasks t left join task_calls c on c.task_id = t.task_id
            where t.tenant_id = $1 and ($2::uuid is null or t.task_id = $2) and t.merged_into is null
            group by t.task_id
            order by count(c.call_id) desc, t.name
            """;
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(Nullable(taskId, NpgsqlDbType.Uuid));
        var summaries = new List<TaskSummary>();
        var smallBelow = topicOptions.CurrentValue.MinCalls;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            var outputKind = reader.GetString(4);
            var calls = reader.GetInt64(6);
            var taskLabels = labels.GetValueOrDefault(id, []);
            var (cost, unpriced) = costs.GetValueOrDefault(id, (0m, []));
            summaries.Add(new TaskSummary(
                id, reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3), outputKind, calls,
                reader.GetInt64(7), reader.GetInt64(8), cost, unpriced,
                reader.IsDBNull(9) ? null : reader.GetDouble(9), reader.IsDBNull(10) ? null : reader.GetDouble(10),
                taskLabels.Count, Suitability.Score(outputKind, calls, taskLabels), reader.GetFieldValue<DateTimeOffset>(5),
                reader.GetBoolean(11) ? TaskStatuses.Ignored : TaskStatuses.Active, reader.IsDBNull(12) ? null : reader.GetGuid(12),
                reader.GetInt32(13), reader.GetInt64(14), calls < smallBelow));
        }

        await reader.DisposeAsync();
        await transaction.CommitAsync(cancellationToken);
        return (summaries, labels);
    }

    private static async Task<Dictionary<Guid, List<LabelCount>>> LabelsAsync(NpgsqlConnection connection, string tenantId, Guid? taskId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            select task_id, output_label, count(*) from task_calls
            where tenant_id = $1 and ($2::uuid is null or task_id = $2) and output_label is not null
            group by task_id, output_label
            """;
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(Nullable(taskId, NpgsqlDbType.Uuid));
        var labels = new Dictionary<Guid, List<LabelCount>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            if (!labels.TryGetValue(id, out var list))
            {
                labels[id] = list = [];
            }

            list.Add(new LabelCount(reader.GetString(1), reader.GetInt64(2)));
        }

        return labels;
    }

    private async Task<Dictionary<Guid, (decimal Cost, List<string> Unpriced)>> CostsAsync(NpgsqlConnection connection, string tenantId, Guid? taskId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            select task_id, model, coalesce(sum(prompt_tokens), 0), coalesce(sum(completion_tokens), 0) from task_calls
            where tenant_id = $1 and ($2::uuid is null or task_id = $2) and model is not null
            group by task_id, model
            """;
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(Nullable(taskId, NpgsqlDbType.Uuid));
        var prices = await priceTable.ForAsync(tenantId, cancellationToken);
        var costs = new Dictionary<Guid, (decimal Cost, List<string> Unpriced)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetGuid(0);
            var entry = costs.GetValueOrDefault(id, (0m, []));
            if (prices.TryPrice(reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), out var cost))
            {
                entry.Cost += cost;
            }
            else
            {
                entry.Unpriced.Add(reader.GetString(1));
            }

            costs[id] = entry;
        }

        return costs;
    }
}
