using Npgsql;
using NpgsqlTypes;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>Tenants' promotion policies and the policy's decisions.</summary>
public sealed class PromotionStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The tenant's own policy, or null when it follows the service's default.</summary>
    public async Task<PromotionPolicy?> FindPolicyAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select policy::text from promotion_policies where tenant_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<PromotionPolicy>(json, Json) : null;
    }

    public async Task SavePolicyAsync(string tenantId, PromotionPolicy policy, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "insert into promotion_policies (tenant_id, policy) values ($1, $2) on conflict (tenant_id) do update set policy = $2, updated_at = now()");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(policy, Json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> HasDecidedAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select 1 from promotion_decisions where decision_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = decisionId });
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Whether the policy demoted this model from this task before.</summary>
    public async Task<bool> WasDemotedAsync(Guid taskId, Guid modelId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select 1 from promotion_decisions where task_id = $1 and model_id = $2 and action = 'demote' and applied limit 1");
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        command.Parameters.Add(new NpgsqlParameter { Value = modelId });
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    /// <summary>Records a decision once; false when a decision with this id was already recorded.</summary>
    public async Task<bool> RecordAsync(Guid decisionId, string tenantId, PromotionDecision decision, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into promotion_decisions (decision_id, tenant_id, task_id, model_id, action, applied, reason, agreement, agreement_lower, examples)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (decision_id) do nothing
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = decisionId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = decision.TaskId });
        command.Parameters.Add(new NpgsqlParameter { Value = decision.ModelId });
        command.Parameters.Add(new NpgsqlParameter { Value = decision.Action });
        command.Parameters.Add(new NpgsqlParameter { Value = decision.Applied });
        command.Parameters.Add(new NpgsqlParameter { Value = decision.Reason });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)decision.Agreement ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)decision.AgreementLower ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)decision.Examples ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<IReadOnlyList<PromotionDecision>> DecisionsAsync(string tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select task_id, model_id, action, applied, reason, agreement, agreement_lower, examples, decided_at
            from promotion_decisions where tenant_id = $1 and task_id = $2 order by decided_at desc limit 200
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        var decisions = new List<PromotionDecision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add(new PromotionDecision(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetBoolean(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetDouble(6), reader.IsDBNull(7) ? null : reader.GetInt64(7),
                reader.GetFieldValue<DateTimeOffset>(8)));
        }

        return decisions;
    }
}
