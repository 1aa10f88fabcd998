using Npgsql;
using NpgsqlTypes;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// Newly evaluated models waiting for the serving model's score on their test set: the saga step between
/// <see cref="EvaluateModel"/> and its answer, durable so that a restart loses no decision.
/// </summary>
public sealed class PromotionChallenges(NpgsqlDataSource dataSource)
{
    /// <summary>The request that compares the incumbent with the newcomer: one per newcomer's evaluation and incumbent.</summary>
    public static Guid RequestIdOf(ModelEvaluated challenger, Guid incumbentModelId) =>
        DeterministicId.Create("promotion-challenge", challenger.EventId.ToString(), incumbentModelId.ToString());

    /// <summary>Records the challenge (nothing when it is recorded already); true while it waits for its answer.</summary>
    public async Task<bool> OpenAsync(Guid requestId, ModelEvaluated challenger, Guid incumbentModelId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into promotion_challenges (request_id, tenant_id, task_id, incumbent_model_id, challenger) values ($1, $2, $3, $4, $5)
            on conflict (request_id) do nothing;
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = requestId });
        command.Parameters.Add(new NpgsqlParameter { Value = challenger.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = challenger.TaskId });
        command.Parameters.Add(new NpgsqlParameter { Value = incumbentModelId });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(challenger), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return await FindOpenAsync(requestId, cancellationToken) is not null;
    }

    /// <summary>The newcomer's evaluation of a challenge still waiting for its answer; null when unknown or answered.</summary>
    public async Task<ModelEvaluated?> FindOpenAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select challenger::text from promotion_challenges where request_id = $1 and answered_at is null");
        command.Parameters.Add(new NpgsqlParameter { Value = requestId });
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<ModelEvaluated>(json) : null;
    }

    public async Task CloseAsync(Guid requestId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update promotion_challenges set answered_at = now() where request_id = $1 and answered_at is null");
        command.Parameters.Add(new NpgsqlParameter { Value = requestId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
