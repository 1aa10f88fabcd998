using Npgsql;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>Which tenant each announced model belongs to, so that a tenant promotes only its own models.</summary>
public sealed class TenantModelStore(NpgsqlDataSource dataSource)
{
    /// <summary>Records the model's owner once; a model never changes tenant.</summary>
    public async Task RememberAsync(string tenantId, Guid modelId, Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "insert into tenant_models (model_id, tenant_id, task_id) values ($1, $2, $3) on conflict (model_id) do nothing");
        command.Parameters.Add(new NpgsqlParameter { Value = modelId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> IsTenantsAsync(string tenantId, Guid modelId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select 1 from tenant_models where model_id = $1 and tenant_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = modelId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }
}
