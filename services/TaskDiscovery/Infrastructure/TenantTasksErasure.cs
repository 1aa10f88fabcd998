using Npgsql;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// What task discovery keeps of a tenant besides its calls, deleted in one transaction when the whole tenant is erased:
/// tasks (names, first call ids), topics (labels, terms and centroids drawn from the calls), route keys and specialists,
/// promotion policy, decisions and the promotion saga's state, routing days, the models announced and the prices.
/// The gateways are told to drop the tenant's routes through the outbox, in the same transaction, so no call is routed
/// by a task that no longer exists.
/// </summary>
public sealed class TenantTasksErasure(NpgsqlDataSource dataSource, RouteChangeOutbox outbox, TimeProvider time)
{
    // Children before parents; the count of each goes in the erasure's report under the table's name.
    private static readonly (string Table, string Sql)[] Deletions =
    [
        ("task_topics", "delete from task_topics where task_id = any($2)"),
        ("task_route_keys", "delete from task_route_keys where tenant_id = $1"),
        ("task_specialists", "delete from task_specialists where task_id = any($2)"),
        ("promotion_state", "delete from promotion_state where correlation_id = any($2)"),
        ("promotion_decisions", "delete from promotion_decisions where tenant_id = $1"),
        ("promotion_policies", "delete from promotion_policies where tenant_id = $1"),
        ("routing_days", "delete from routing_days where tenant_id = $1"),
        ("tenant_models", "delete from tenant_models where tenant_id = $1"),
        ("tenant_prices", "delete from tenant_prices where tenant_id = $1"),
        ("tasks", "delete from tasks where tenant_id = $1"),
    ];

    /// <summary>Deletes the tenant's tasks and all that hangs on them; the tenant's calls must be erased first.</summary>
    public async Task<IReadOnlyDictionary<string, long>> EraseAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var routed = await RoutedTasksAsync(connection, transaction, tenantId, cancellationToken);
        var taskIds = await TaskIdsAsync(connection, transaction, tenantId, cancellationToken);
        var now = time.GetUtcNow();
        foreach (var (taskId, version) in routed)
        {
            // A newer version naming no keys makes each gateway delete every key the task held.
            await outbox.AddAsync(connection, transaction, RouteChangeOutbox.Change(tenantId, taskId, version + 1, [], null, now), cancellationToken);
        }

        var deleted = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (table, sql) in Deletions)
        {
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            command.Parameters.Add(new NpgsqlParameter { Value = taskIds });
            deleted[table] = await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        outbox.Nudge();
        deleted["route_removals"] = routed.Count;
        return deleted;
    }

    private static async Task<List<(Guid TaskId, int Version)>> RoutedTasksAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "select t.task_id, t.version from tasks t where t.tenant_id = $1 and exists (select 1 from task_route_keys k where k.tenant_id = $1 and k.task_id = t.task_id)",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        var routed = new List<(Guid, int)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            routed.Add((reader.GetGuid(0), reader.GetInt32(1)));
        }

        return routed;
    }

    private static async Task<Guid[]> TaskIdsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, CancellationToken cancellationToken)
    {
        // Locks the rows: a call filed meanwhile waits, then finds no task and makes a new one, as for a new tenant.
        await using var command = new NpgsqlCommand("select task_id from tasks where tenant_id = $1 for update", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return [.. ids];
    }
}
