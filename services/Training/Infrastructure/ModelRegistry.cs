using Npgsql;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>The registry of trained models, one per job (a job that registers twice gets its first row back).</summary>
public sealed class ModelRegistry(NpgsqlDataSource dataSource)
{
    private const string Columns = "model_id, task_id, job_id, kind, base_model, dataset_id, hyperparameters, metrics, artifacts, status, created_at";

    public async Task<RegisteredModel> RegisterAsync(
        string tenantId, Guid modelId, Guid taskId, Guid jobId, string kind, string baseModel, string datasetId,
        object hyperparameters, object metrics, object artifacts, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            insert into models (model_id, tenant_id, task_id, job_id, kind, base_model, dataset_id, hyperparameters, metrics, artifacts, status)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'trained')
            on conflict (job_id) do update set status = models.status
            returning {Columns}
            """);
        command.Parameters.Add(Db.Value(modelId));
        command.Parameters.Add(Db.Value(tenantId));
        command.Parameters.Add(Db.Value(taskId));
        command.Parameters.Add(Db.Value(jobId));
        command.Parameters.Add(Db.Value(kind));
        command.Parameters.Add(Db.Value(baseModel));
        command.Parameters.Add(Db.Value(datasetId));
        command.Parameters.Add(Db.Jsonb(JsonSerializer.Serialize(hyperparameters, Db.JsonOptions)));
        command.Parameters.Add(Db.Jsonb(JsonSerializer.Serialize(metrics, Db.JsonOptions)));
        command.Parameters.Add(Db.Jsonb(JsonSerializer.Serialize(artifacts, Db.JsonOptions)));
        return (await ReadAsync(command, cancellationToken)).Single();
    }

    public async Task<IReadOnlyList<RegisteredModel>> ListAsync(string tenantId, Guid? taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from models where tenant_id = $1 and ($2::uuid is null or task_id = $2) order by created_at desc limit 500");
        command.Parameters.Add(Db.Value(tenantId));
        command.Parameters.Add(Db.Nullable(taskId, NpgsqlTypes.NpgsqlDbType.Uuid));
        return await ReadAsync(command, cancellationToken);
    }

    public async Task<RegisteredModel?> FindAsync(string tenantId, Guid modelId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from models where tenant_id = $1 and model_id = $2");
        command.Parameters.Add(Db.Value(tenantId));
        command.Parameters.Add(Db.Value(modelId));
        return (await ReadAsync(command, cancellationToken)).SingleOrDefault();
    }

    public async Task MarkAnnouncedAsync(Guid modelId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update models set announced_at = now() where model_id = $1 and announced_at is null");
        command.Parameters.Add(Db.Value(modelId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Models registered at least <paramref name="age"/> ago whose <c>ModelTrained</c> was never marked published, oldest first.</summary>
    public async Task<IReadOnlyList<(string TenantId, RegisteredModel Model)>> UnannouncedAsync(TimeSpan age, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns}, tenant_id from models where announced_at is null and created_at < now() - $1 order by created_at limit 100");
        command.Parameters.Add(Db.Value(age));
        var models = new List<(string, RegisteredModel)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            models.Add((reader.GetString(11), Read(reader)));
        }

        return models;
    }

    private static async Task<List<RegisteredModel>> ReadAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var models = new List<RegisteredModel>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            models.Add(Read(reader));
        }

        return models;
    }

    private static RegisteredModel Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
        Db.Json(reader, 6), Db.Json(reader, 7), Db.Json(reader, 8), reader.GetString(9), reader.GetFieldValue<DateTimeOffset>(10));
}
