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

    /// <summary>
    /// Records a decision once; false when a decision with this id was already recorded. <paramref name="awaitsReview"/>
    /// marks a recommendation for a person to approve, carried out then at <paramref name="threshold"/>.
    /// </summary>
    public async Task<bool> RecordAsync(
        Guid decisionId, string tenantId, PromotionDecision decision, double? threshold, bool awaitsReview, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into promotion_decisions (decision_id, tenant_id, task_id, model_id, action, applied, reason, agreement, agreement_lower, examples, threshold, awaits_review)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) on conflict (decision_id) do nothing
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
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)threshold ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = awaitsReview });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>The task's decisions, newest first (the last 200).</summary>
    public async Task<IReadOnlyList<PromotionDecision>> DecisionsAsync(string tenantId, Guid taskId, CancellationToken cancellationToken) =>
        await ReadDecisionsAsync(tenantId, taskId, null, null, cancellationToken);

    /// <summary>The tenant's decisions over all its tasks, newest first (the last 200), those in <paramref name="review"/> only when given.</summary>
    public async Task<IReadOnlyList<PromotionDecision>> TenantDecisionsAsync(string tenantId, string? review, CancellationToken cancellationToken) =>
        await ReadDecisionsAsync(tenantId, null, null, review, cancellationToken);

    public async Task<PromotionDecision?> FindDecisionAsync(string tenantId, Guid taskId, Guid decisionId, CancellationToken cancellationToken) =>
        (await ReadDecisionsAsync(tenantId, taskId, decisionId, null, cancellationToken)).SingleOrDefault();

    /// <summary>
    /// Marks the task's pending recommendation <paramref name="review"/> (approved also counts as applied), in one
    /// statement so that two people reviewing at once cannot both claim it. Null when it is not pending: unknown, not a
    /// recommendation, reviewed, or superseded by a later decision.
    /// </summary>
    public async Task<(Guid ModelId, string Action, double? Threshold)?> ClaimForReviewAsync(
        string tenantId, Guid taskId, Guid decisionId, string review, string reviewerKeyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            update promotion_decisions d set review = $4, reviewed_at = now(), reviewed_by = $5, applied = ($4 = '{PromotionReviews.Approved}')
            where d.decision_id = $1 and d.tenant_id = $2 and d.task_id = $3 and d.awaits_review and d.review is null and not {Superseded}
            returning d.model_id, d.action, d.threshold
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = decisionId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        command.Parameters.Add(new NpgsqlParameter { Value = review });
        command.Parameters.Add(new NpgsqlParameter { Value = reviewerKeyId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetGuid(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetDouble(2))
            : null;
    }

    /// <summary>Puts back an approval whose move could not be carried out: the recommendation is pending again.</summary>
    public async Task ReleaseReviewAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update promotion_decisions set review = null, reviewed_at = null, reviewed_by = null, applied = false where decision_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = decisionId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task AppendToReasonAsync(Guid decisionId, string addition, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update promotion_decisions set reason = reason || ' ' || $2 where decision_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = decisionId });
        command.Parameters.Add(new NpgsqlParameter { Value = addition });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // A recommendation is superseded once a later decision for its task awaits review or changed the routes.
    private const string Superseded =
        """
        exists (select 1 from promotion_decisions n
                where n.tenant_id = d.tenant_id and n.task_id = d.task_id and n.decided_at > d.decided_at and (n.awaits_review or n.applied))
        """;

    private async Task<IReadOnlyList<PromotionDecision>> ReadDecisionsAsync(
        string tenantId, Guid? taskId, Guid? decisionId, string? review, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select * from (
                select d.task_id, d.model_id, d.action, d.applied, d.reason, d.agreement, d.agreement_lower, d.examples, d.decided_at, d.decision_id,
                       case when not d.awaits_review then null
                            when d.review is not null then d.review
                            when {Superseded} then '{PromotionReviews.Superseded}'
                            else '{PromotionReviews.Pending}' end as review,
                       d.reviewed_at
                from promotion_decisions d
                where d.tenant_id = $1 and ($2::uuid is null or d.task_id = $2) and ($3::uuid is null or d.decision_id = $3)
                  and ($4::text is null or d.awaits_review)) decisions
            where $4::text is null or review = $4
            order by decided_at desc limit 200
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)taskId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)decisionId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)review ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        var decisions = new List<PromotionDecision>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            decisions.Add(new PromotionDecision(
                reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetBoolean(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.IsDBNull(6) ? null : reader.GetDouble(6), reader.IsDBNull(7) ? null : reader.GetInt64(7),
                reader.GetFieldValue<DateTimeOffset>(8), reader.GetGuid(9), reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetFieldValue<DateTimeOffset>(11)));
        }

        return decisions;
    }
}
