using Npgsql;
using NpgsqlTypes;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>Topics within tasks: their centroids for assigning new calls, the calls to cluster, and each run's outcome.</summary>
public sealed class TopicStore(NpgsqlDataSource dataSource)
{
    /// <summary>The topics a new call of <paramref name="taskId"/> may join: the task's own and those of tasks split off it.</summary>
    public async Task<TopicCentroids> CentroidsAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select p.task_id, p.topic_id, p.centroid, p.min_similarity from task_topics p join tasks t on t.task_id = p.task_id
            where (t.task_id = $1 or t.split_from = $1) and t.merged_into is null
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        var topics = new List<TopicCentroid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            topics.Add(new TopicCentroid(reader.GetGuid(0), reader.GetInt32(1), reader.GetFieldValue<float[]>(2), reader.GetFloat(3)));
        }

        return new TopicCentroids(topics);
    }

    /// <summary>The task's calls that have request text, with their current topic, in arrival order.</summary>
    public async Task<IReadOnlyList<(string CallId, string Text, int? TopicId)>> CallsToClusterAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select call_id, request_text, topic_id from task_calls where task_id = $1 and request_text is not null order by seq");
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        var calls = new List<(string, string, int?)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            calls.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2)));
        }

        return calls;
    }

    /// <summary>
    /// Tasks whose calls with text reached <paramref name="minCalls"/> and grew by <paramref name="growth"/> (a share)
    /// since their last clustering, most grown first.
    /// </summary>
    public Task<IReadOnlyList<Guid>> DueForClusteringAsync(int minCalls, double growth, CancellationToken cancellationToken) =>
        DueAsync(null, minCalls, growth, cancellationToken);

    public async Task<bool> IsDueForClusteringAsync(Guid taskId, int minCalls, double growth, CancellationToken cancellationToken) =>
        (await DueAsync(taskId, minCalls, growth, cancellationToken)).Count > 0;

    private async Task<IReadOnlyList<Guid>> DueAsync(Guid? taskId, int minCalls, double growth, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select t.task_id from tasks t join task_calls c on c.task_id = t.task_id
            where t.merged_into is null and not t.ignored and c.request_text is not null and ($3::uuid is null or t.task_id = $3)
            group by t.task_id, t.topics_clustered_calls
            having count(*) >= $1 and count(*) > t.topics_clustered_calls * (1 + $2)
            order by count(*) - t.topics_clustered_calls desc
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = minCalls });
        command.Parameters.Add(new NpgsqlParameter { Value = growth });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)taskId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        var due = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add(reader.GetGuid(0));
        }

        return due;
    }

    public async Task<int> NextTopicIdAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select next_topic_id from tasks where task_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        return (int)(await command.ExecuteScalarAsync(cancellationToken) ?? 1);
    }

    /// <summary>
    /// Replaces the task's topics with a run's outcome and re-files its clustered calls, in one transaction; null
    /// when the task is gone or merged away meanwhile, else the task's new version. A task named only after its kind
    /// of output (or its earlier topics) is named after its largest topics now; a name a person gave is kept.
    /// </summary>
    public async Task<TaskVersion?> SaveClusteringAsync(
        Guid taskId, IReadOnlyList<ClusteredTopic> topics, IReadOnlyList<string> callIds, IReadOnlyList<int?> topicIds, int nextTopicId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var delete = new NpgsqlCommand("delete from task_topics where task_id = $1", connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = taskId });
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch)
        {
            foreach (var topic in topics)
            {
                var insert = new NpgsqlBatchCommand(
                    "insert into task_topics (task_id, topic_id, label, terms, centroid, min_similarity) values ($1, $2, $3, $4, $5, $6)");
                insert.Parameters.Add(new NpgsqlParameter { Value = taskId });
                insert.Parameters.Add(new NpgsqlParameter { Value = topic.TopicId });
                insert.Parameters.Add(new NpgsqlParameter { Value = topic.Label });
                insert.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(topic.Terms), NpgsqlDbType = NpgsqlDbType.Jsonb });
                insert.Parameters.Add(new NpgsqlParameter { Value = topic.Centroid });
                insert.Parameters.Add(new NpgsqlParameter { Value = topic.MinSimilarity });
                batch.BatchCommands.Add(insert);
            }

            var assign = new NpgsqlBatchCommand(
                """
                update task_calls c set topic_id = a.topic_id
                from unnest($2::text[], $3::int[]) as a(call_id, topic_id)
                where c.task_id = $1 and c.call_id = a.call_id
                """);
            assign.Parameters.Add(new NpgsqlParameter { Value = taskId });
            assign.Parameters.Add(new NpgsqlParameter { Value = callIds.ToArray() });
            assign.Parameters.Add(new NpgsqlParameter { Value = topicIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
            batch.BatchCommands.Add(assign);
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        var name = await NameFromTopicsAsync(connection, transaction, taskId, topics, topicIds, cancellationToken);
        await using var version = new NpgsqlCommand(
            $"""
            update tasks set next_topic_id = greatest(next_topic_id, $2), topics_clustered_at = now(), topics_clustered_calls = $3, version = version + 1,
                name = coalesce($4, name), name_source = case when $4 is null then name_source else '{TaskNameSources.Topics}' end
            where task_id = $1 and merged_into is null
            returning {TaskVersion.Columns}
            """, connection, transaction);
        version.Parameters.Add(new NpgsqlParameter { Value = taskId });
        version.Parameters.Add(new NpgsqlParameter { Value = nextTopicId });
        version.Parameters.Add(new NpgsqlParameter { Value = (long)callIds.Count });
        version.Parameters.Add(new NpgsqlParameter { Value = (object?)name ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var changed = await TaskVersion.ReadAsync(version, cancellationToken);
        if (changed is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <summary>The task's new name from its topics, largest first; null when its name is not the platform's to improve.</summary>
    private static async Task<string?> NameFromTopicsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid taskId, IReadOnlyList<ClusteredTopic> topics, IReadOnlyList<int?> topicIds,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            $"""
            select agent, output_kind from tasks
            where task_id = $1 and name_source in ('{TaskNameSources.Structure}', '{TaskNameSources.Topics}') for update
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var sizes = topicIds.OfType<int>().CountBy(id => id).ToDictionary();
        var bySize = topics.OrderByDescending(t => sizes.GetValueOrDefault(t.TopicId)).ThenBy(t => t.TopicId).Select(t => t.Terms);
        return TaskNames.FromTopics(reader.GetString(0), reader.GetString(1), bySize);
    }

    /// <summary>The task's topics with their sizes, or null when the tenant has no such task.</summary>
    public async Task<TaskTopics?> ListAsync(string tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        await using var task = dataSource.CreateCommand("select topics_clustered_at from tasks where tenant_id = $1 and task_id = $2 and merged_into is null");
        task.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        task.Parameters.Add(new NpgsqlParameter { Value = taskId });
        var clusteredAt = await task.ExecuteScalarAsync(cancellationToken);
        if (clusteredAt is null)
        {
            return null;
        }

        await using var command = dataSource.CreateCommand(
            """
            select p.topic_id, p.label, p.terms::text, count(c.call_id) from task_topics p
            left join task_calls c on c.task_id = p.task_id and c.topic_id = p.topic_id
            where p.task_id = $1 group by p.topic_id, p.label, p.terms::text
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        var rows = new List<(int Id, string Label, string[] Terms, long Calls)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetInt32(0), reader.GetString(1), JsonSerializer.Deserialize<string[]>(reader.GetString(2)) ?? [], reader.GetInt64(3)));
            }
        }

        var (outliers, unclustered) = await PoolsAsync(taskId, cancellationToken);
        var total = rows.Sum(r => r.Calls) + outliers + unclustered;
        var topics = rows.OrderByDescending(r => r.Calls).ThenBy(r => r.Id)
            .Select(r => new TopicSummary(r.Id, r.Label, r.Terms, r.Calls, total == 0 ? 0 : (double)r.Calls / total)).ToList();
        return new TaskTopics(taskId, topics, outliers, unclustered, clusteredAt as DateTime? is { } at ? new DateTimeOffset(at, TimeSpan.Zero) : null);
    }

    private async Task<(long Outliers, long Unclustered)> PoolsAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select count(*) filter (where topic_id is null and request_text is not null), count(*) filter (where request_text is null)
            from task_calls where task_id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
