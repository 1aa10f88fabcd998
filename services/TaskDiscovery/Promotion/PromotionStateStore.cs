using Npgsql;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>Reads a task's promotion saga (written only by <see cref="PromotionStateMachine"/>'s repository).</summary>
public sealed class PromotionStateStore(NpgsqlDataSource dataSource)
{
    public const string Table = "promotion_state";

    /// <summary>The task's promotion, or null when nothing has entered it yet (or it is another tenant's).</summary>
    public async Task<PromotionState?> FindAsync(string tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select data::text from {Table} where correlation_id = $1 and data->>'{nameof(PromotionState.TenantId)}' = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? JsonSerializer.Deserialize<PromotionState>(json) : null;
    }
}
