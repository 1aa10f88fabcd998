using Npgsql;
using NpgsqlTypes;
using SlmPlatform.Routing;

namespace SlmPlatform.Tasks.Infrastructure;

/// <summary>Which specialist serves a task, each change bumping the task's version in the same transaction.</summary>
public sealed class TaskSpecialistStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public async Task<TaskSpecialist?> FindAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select model_id, mode, output_check::text, promoted_at, share, sample from task_specialists where task_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new TaskSpecialist(
                reader.GetGuid(0), reader.GetString(1), JsonSerializer.Deserialize<OutputCheck>(reader.GetString(2), Json)!, reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.GetDouble(5))
            : null;
    }

    /// <summary>Puts the specialist in; <paramref name="share"/> is a canary's (null in other modes).</summary>
    public async Task<TaskVersion?> PromoteAsync(
        string tenantId, Guid taskId, Guid modelId, string mode, double? share, double sample, OutputCheck check, CancellationToken cancellationToken) =>
        await ChangeAsync(tenantId, taskId,
            ("""
             insert into task_specialists (task_id, model_id, mode, output_check, share, sample) values ($1, $2, $3, $4, $5, $6)
             on conflict (task_id) do update set model_id = $2, mode = $3, output_check = $4, share = $5, sample = $6, promoted_at = now()
             """, [taskId, modelId, mode, new NpgsqlParameter { Value = JsonSerializer.Serialize(check, Json), NpgsqlDbType = NpgsqlDbType.Jsonb },
                 new NpgsqlParameter { Value = (object?)share ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double }, sample]),
            cancellationToken);

    public async Task<TaskVersion?> DemoteAsync(string tenantId, Guid taskId, CancellationToken cancellationToken) =>
        await ChangeAsync(tenantId, taskId, ("delete from task_specialists where task_id = $1", [taskId]), cancellationToken);

    private async Task<TaskVersion?> ChangeAsync(string tenantId, Guid taskId, (string Sql, object[] Arguments) change, CancellationToken cancellationToken)
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
        await transaction.CommitAsync(cancellationToken);
        return version;
    }
}
