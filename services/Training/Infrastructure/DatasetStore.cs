using Npgsql;
using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>
/// Dataset versions: the row (splits, labels, lineage) in PostgreSQL, the examples as canonical JSONL in the
/// artifact store. Saving a version that exists changes nothing: its id is derived from its content.
/// </summary>
public sealed class DatasetStore(NpgsqlDataSource dataSource, IArtifactStore artifacts)
{
    public async Task SaveAsync(DatasetVersion dataset, CancellationToken cancellationToken)
    {
        var key = $"{Safe(dataset.TenantId)}/datasets/{dataset.Id}.jsonl";
        var content = CanonicalJsonl.Write(dataset.Examples);
        await artifacts.WriteAsync(key, content, cancellationToken);
        await using var command = dataSource.CreateCommand(
            """
            insert into datasets (dataset_id, tenant_id, task_id, output_kind, content_hash, splits, labels, lineage, artifact_key)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9) on conflict (dataset_id) do nothing
            """);
        command.Parameters.Add(Db.Value(dataset.Id));
        command.Parameters.Add(Db.Value(dataset.TenantId));
        command.Parameters.Add(Db.Value(dataset.TaskId));
        command.Parameters.Add(Db.Value(dataset.OutputKind));
        command.Parameters.Add(Db.Value(dataset.ContentHash));
        command.Parameters.Add(Db.Jsonb(JsonSerializer.Serialize(dataset.Splits, Db.JsonOptions)));
        command.Parameters.Add(Db.Jsonb(JsonSerializer.Serialize(dataset.Labels, Db.JsonOptions)));
        command.Parameters.Add(Db.Jsonb(JsonSerializer.Serialize(new
        {
            dataset.Lineage.CallsRead,
            dataset.Lineage.Options,
            dataset.Lineage.EmbeddingModelId,
            dataset.Lineage.DroppedByReason,
            dataset.Lineage.IncludedCallIds,
            dataset.Lineage.Dropped,
        }, Db.JsonOptions)));
        command.Parameters.Add(Db.Value(key));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<StoredDataset?> FindAsync(string tenantId, string datasetId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select dataset_id, task_id, output_kind, content_hash, splits, labels, lineage, artifact_key, created_at from datasets where tenant_id = $1 and dataset_id = $2");
        command.Parameters.Add(Db.Value(tenantId));
        command.Parameters.Add(Db.Value(datasetId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StoredDataset(reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), Db.Json(reader, 4), Db.Json(reader, 5),
                Db.Json(reader, 6), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8))
            : null;
    }

    /// <summary>
    /// The tenant's dataset versions, newest first, optionally of one task; <paramref name="after"/> is the last version
    /// of the previous page (its creation time and id).
    /// </summary>
    public async Task<IReadOnlyList<DatasetSummary>> ListAsync(
        string tenantId, Guid? taskId, (DateTimeOffset CreatedAt, string Id)? after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select dataset_id, task_id, output_kind, content_hash, splits, labels, created_at from datasets
            where tenant_id = $1 and ($2::uuid is null or task_id = $2)
              and ($3::timestamptz is null or (created_at, dataset_id) < ($3, $4))
            order by created_at desc, dataset_id desc limit $5
            """);
        command.Parameters.Add(Db.Value(tenantId));
        command.Parameters.Add(Db.Nullable(taskId, NpgsqlTypes.NpgsqlDbType.Uuid));
        command.Parameters.Add(Db.Nullable(after?.CreatedAt, NpgsqlTypes.NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Db.Value(after?.Id ?? string.Empty));
        command.Parameters.Add(Db.Value(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var datasets = new List<DatasetSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            datasets.Add(new DatasetSummary(
                reader.GetString(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), Db.Json(reader, 4), Db.Json(reader, 5),
                reader.GetFieldValue<DateTimeOffset>(6)));
        }

        return datasets;
    }

    /// <summary>The stored examples, checked against the content hash they were saved under.</summary>
    public async Task<IReadOnlyList<DatasetExample>?> ExamplesAsync(StoredDataset dataset, CancellationToken cancellationToken)
    {
        await using var stream = await artifacts.OpenReadAsync(dataset.ArtifactKey, cancellationToken);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        if (CanonicalJsonl.Hash(copy.ToArray()) != dataset.ContentHash)
        {
            throw new InvalidDataException($"Dataset {dataset.Id}'s file does not match its content hash.");
        }

        copy.Position = 0;
        return CanonicalJsonl.Read(copy);
    }

    /// <summary>Tenant ids become one path segment.</summary>
    public static string Safe(string value) => Convert.ToHexStringLower(System.Text.Encoding.UTF8.GetBytes(value)) is { Length: <= 64 } hex
        ? hex
        : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)));
}
