using Npgsql;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>A model training announced: its owner and task, and (from <see cref="ModelTrained"/>) what serving deploys.</summary>
public sealed record TenantModel(Guid ModelId, string TenantId, Guid TaskId, string? Kind, string? BaseModel, string? ArtifactKey);

/// <summary>Which tenant each announced model belongs to, so that a tenant promotes only its own models, and what a deployment of it needs.</summary>
public sealed class TenantModelStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// Records the model's owner once (a model never changes tenant), and fills in what a later announcement adds: an
    /// evaluation knows the kind, a training also the base model and artifact.
    /// </summary>
    public async Task RememberAsync(
        string tenantId, Guid modelId, Guid taskId, string? kind, string? baseModel, string? artifactKey, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into tenant_models (model_id, tenant_id, task_id, kind, base_model, artifact_key) values ($1, $2, $3, $4, $5, $6)
            on conflict (model_id) do update set
                kind = coalesce(excluded.kind, tenant_models.kind),
                base_model = coalesce(excluded.base_model, tenant_models.base_model),
                artifact_key = coalesce(excluded.artifact_key, tenant_models.artifact_key)
            where tenant_models.tenant_id = excluded.tenant_id
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = modelId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)kind ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)baseModel ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)artifactKey ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> IsTenantsAsync(string tenantId, Guid modelId, CancellationToken cancellationToken) =>
        await FindAsync(tenantId, modelId, cancellationToken) is not null;

    /// <summary>The tenant's model; null when training never announced it for this tenant.</summary>
    public async Task<TenantModel?> FindAsync(string tenantId, Guid modelId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select task_id, kind, base_model, artifact_key from tenant_models where model_id = $1 and tenant_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = modelId });
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new TenantModel(modelId, tenantId, reader.GetGuid(0), Text(reader, 1), Text(reader, 2), Text(reader, 3))
            : null;
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
