using Npgsql;
using NpgsqlTypes;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>Which specialist serves a task, each change bumping the task's version and adding the gateways' routing
/// change to the outbox in the same transaction.</summary>
public sealed class TaskSpecialistStore(NpgsqlDataSource dataSource, RouteChangeOutbox outbox)
{
    private const string Columns = "s.model_id, s.mode, s.output_check::text, s.promoted_at, s.share, s.sample, s.online_compared_before, s.online_agreed_before, s.calls_at_promotion, s.threshold";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<TaskSpecialist?> FindAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from task_specialists s where task_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Every tenant's promoted specialists, for the sweep that asks each one's promotion to check.</summary>
    public async Task<IReadOnlyList<(string TenantId, Guid TaskId, TaskSpecialist Specialist)>> ListAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns}, t.tenant_id, t.task_id from task_specialists s join tasks t on t.task_id = s.task_id where t.merged_into is null");
        var specialists = new List<(string, Guid, TaskSpecialist)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            specialists.Add((reader.GetString(10), reader.GetGuid(11), Read(reader)));
        }

        return specialists;
    }

    /// <summary>Puts the specialist in; <paramref name="share"/> is a canary's (null in other modes); <paramref name="onlineBefore"/>
    /// the gateways' comparison counters for the task today, so that the new mode's online agreement starts from zero;
    /// <paramref name="calls"/> the task's calls now; <paramref name="routeChange"/> the gateways' change at the new version.</summary>
    public async Task<TaskVersion?> PromoteAsync(
        string tenantId, Guid taskId, Guid modelId, string mode, double? share, double sample, double? threshold, OutputCheck check,
        (long Compared, long Agreed) onlineBefore, long calls, Func<int, SpecialistRouteChanged> routeChange, CancellationToken cancellationToken) =>
        await ChangeAsync(tenantId, taskId,
            ("""
             insert into task_specialists (task_id, model_id, mode, output_check, share, sample, online_compared_before, online_agreed_before, calls_at_promotion, threshold)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             on conflict (task_id) do update set model_id = $2, mode = $3, output_check = $4, share = $5, sample = $6, promoted_at = now(),
                                                 online_compared_before = $7, online_agreed_before = $8, calls_at_promotion = $9, threshold = $10
             """, [taskId, modelId, mode, new NpgsqlParameter { Value = JsonSerializer.Serialize(check, Json), NpgsqlDbType = NpgsqlDbType.Jsonb },
                 new NpgsqlParameter { Value = (object?)share ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double }, sample, onlineBefore.Compared, onlineBefore.Agreed, calls,
                 new NpgsqlParameter { Value = (object?)threshold ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double }]),
            routeChange, cancellationToken);

    public async Task<TaskVersion?> DemoteAsync(string tenantId, Guid taskId, Func<int, SpecialistRouteChanged> routeChange, CancellationToken cancellationToken) =>
        await ChangeAsync(tenantId, taskId, ("delete from task_specialists where task_id = $1", [taskId]), routeChange, cancellationToken);

    private async Task<TaskVersion?> ChangeAsync(
        string tenantId, Guid taskId, (string Sql, object[] Arguments) change, Func<int, SpecialistRouteChanged> routeChange, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var bump = new NpgsqlCommand(
            $"update tasks set version = version + 1 where tenant_id = $1 and task_id = $2 and merged_into is null returning {TaskVersion.Columns}", connection, transaction);
        bump.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        bump.Parameters.Add(new NpgsqlParameter { Value = taskId });
        if (await TaskVersion.ReadAsync(bump, cancellationToken) is not { } version)
        {
            return null;
        }

        await using var command = new NpgsqlCommand(change.Sql, connection, transaction);
        foreach (var argument in change.Arguments)
        {
            command.Parameters.Add(argument as NpgsqlParameter ?? new NpgsqlParameter { Value = argument });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
        await outbox.AddAsync(connection, transaction, routeChange(version.Version), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        outbox.Nudge();
        return version;
    }

    private static TaskSpecialist Read(NpgsqlDataReader reader) =>
        new(reader.GetGuid(0), reader.GetString(1), JsonSerializer.Deserialize<OutputCheck>(reader.GetString(2), Json)!, reader.GetFieldValue<DateTimeOffset>(3),
            reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.GetDouble(5), reader.IsDBNull(9) ? null : reader.GetDouble(9))
        {
            OnlineBefore = (reader.GetInt64(6), reader.GetInt64(7)),
            CallsAtPromotion = reader.GetInt64(8),
        };
}
