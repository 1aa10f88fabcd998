using Npgsql;
using NpgsqlTypes;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// What people change about tasks: names, whether a task is ignored, merging tasks that are one in truth, and splitting
/// topics off into a task of their own. Each change bumps the task's version in the same transaction.
/// </summary>
public sealed class TaskCurationStore(NpgsqlDataSource dataSource)
{
    /// <summary>Renames and/or ignores or restores a task; null when the tenant has no such (unmerged) task.</summary>
    public async Task<TaskVersion?> UpdateAsync(string tenantId, Guid taskId, string? name, bool? ignored, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            update tasks set name = coalesce($3, name), ignored = coalesce($4, ignored), version = version + 1,
                name_source = case when $3 is null then name_source else 'person' end
            where tenant_id = $1 and task_id = $2 and merged_into is null
            returning {TaskVersion.Columns}
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)name ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)ignored ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Boolean });
        return await TaskVersion.ReadAsync(command, cancellationToken);
    }

    /// <summary>
    /// Moves every call of the sources into the target, drops the sources' topics (the target re-clusters), and
    /// points the sources at the target so their future calls land there too. Null when a task is missing.
    /// </summary>
    public async Task<(TaskVersion Target, IReadOnlyList<TaskVersion> Sources)?> MergeAsync(
        string tenantId, Guid targetId, IReadOnlyList<Guid> sourceIds, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var ids = sourceIds.Append(targetId).ToArray();
        await using (var lockTasks = new NpgsqlCommand(
            "select count(*) from (select 1 from tasks where tenant_id = $1 and task_id = any($2) and merged_into is null for update) locked", connection, transaction))
        {
            lockTasks.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            lockTasks.Parameters.Add(new NpgsqlParameter { Value = ids });
            if ((long)(await lockTasks.ExecuteScalarAsync(cancellationToken))! != ids.Length)
            {
                return null;
            }
        }

        var sourceArray = sourceIds.ToArray();
        await ExecuteAsync(connection, transaction, cancellationToken,
            ("update task_calls set task_id = $1, topic_id = null where task_id = any($2)", [targetId, sourceArray]),
            ("delete from task_topics where task_id = any($1)", [sourceArray]),
            ("update task_route_keys set task_id = $1 where task_id = any($2)", [targetId, sourceArray]),
            ("update tasks set topics_clustered_calls = 0 where task_id = $1", [targetId]));

        var sources = new List<TaskVersion>();
        foreach (var sourceId in sourceIds)
        {
            sources.Add((await BumpAsync(connection, transaction, sourceId, "merged_into = $2", targetId, cancellationToken))!);
        }

        var target = await BumpAsync(connection, transaction, targetId, null, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (target!, sources);
    }

    /// <summary>
    /// Moves the given topics, their calls and their centroids into a new task split off this one; new calls of the
    /// call site that fall into those topics are filed there. Null when the task or a topic is missing.
    /// </summary>
    public async Task<(TaskVersion Parent, TaskVersion Child)?> SplitAsync(
        string tenantId, Guid taskId, IReadOnlyList<int> topicIds, string name, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var topics = topicIds.Distinct().Order().ToArray();
        await using (var check = new NpgsqlCommand(
            """
            select count(*) from task_topics p join tasks t on t.task_id = p.task_id
            where t.tenant_id = $1 and t.task_id = $2 and t.merged_into is null and p.topic_id = any($3)
            """, connection, transaction))
        {
            check.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            check.Parameters.Add(new NpgsqlParameter { Value = taskId });
            check.Parameters.Add(new NpgsqlParameter { Value = topics });
            if ((long)(await check.ExecuteScalarAsync(cancellationToken))! != topics.Length)
            {
                return null;
            }
        }

        var childId = DeterministicId.Create("task-split", tenantId, taskId.ToString(), string.Join(',', topics));
        await ExecuteAsync(connection, transaction, cancellationToken,
            ("""
             insert into tasks (task_id, tenant_id, call_site_key, name, agent, workload, output_kind, first_call_id, split_from, next_topic_id, name_source)
             select $1, tenant_id, call_site_key || chr(31) || 'split' || chr(31) || $1::text, $3, agent, workload, output_kind, first_call_id, task_id, next_topic_id, 'person'
             from tasks where task_id = $2
             """, [childId, taskId, name]),
            ("update task_topics set task_id = $1 where task_id = $2 and topic_id = any($3)", [childId, taskId, topics]),
            ("update task_calls set task_id = $1 where task_id = $2 and topic_id = any($3)", [childId, taskId, topics]));

        var parent = await BumpAsync(connection, transaction, taskId, null, null, cancellationToken);
        var child = await BumpAsync(connection, transaction, childId, null, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (parent!, child!);
    }

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken, params (string Sql, object[] Arguments)[] statements)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (sql, arguments) in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var argument in arguments)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = argument });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<TaskVersion?> BumpAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid taskId, string? assignment, Guid? value, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"update tasks set version = version + 1{(assignment is null ? string.Empty : ", " + assignment)} where task_id = $1 returning {TaskVersion.Columns}",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        if (value is { } argument)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = argument });
        }

        return await TaskVersion.ReadAsync(command, cancellationToken);
    }
}
