using Npgsql;
using SlmPlatform.Messaging.Erasure;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>
/// Erased calls leave every dataset that holds them: the dataset's examples (its JSONL artifact) are deleted and the
/// row marked erased. The models trained on those datasets stay (they serve the tenant's traffic; retraining without
/// the calls is the tenant's decision) and are counted in the report, so that the tenant knows which to retrain.
/// Erasing the whole tenant deletes them too (<see cref="TenantTrainingErasure"/>).
/// </summary>
public sealed class DatasetErasure(NpgsqlDataSource dataSource, IArtifactStore artifacts, TenantTrainingErasure tenant) : ICallErasure
{
    public static string QueueName => "training-erasures";

    public static string Service => "training";

    public async Task<IReadOnlyDictionary<string, long>> EraseAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken)
    {
        // Every dataset holding the calls, erased now or by an earlier delivery of the same part: the count stays true.
        var holding = new List<(string Id, string ArtifactKey, bool Erased)>();
        await using (var find = dataSource.CreateCommand(
            "select dataset_id, artifact_key, erased_at is not null from datasets where tenant_id = $1 and lineage -> 'included_call_ids' ?| $2"))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            find.Parameters.Add(new NpgsqlParameter { Value = callIds.ToArray() });
            await using var reader = await find.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                holding.Add((reader.GetString(0), reader.GetString(1), reader.GetBoolean(2)));
            }
        }

        var erasing = holding.Where(d => !d.Erased).ToList();
        foreach (var dataset in erasing)
        {
            await artifacts.DeleteAsync(dataset.ArtifactKey, cancellationToken);
        }

        await using (var mark = dataSource.CreateCommand("update datasets set erased_at = now() where dataset_id = any($1)"))
        {
            mark.Parameters.Add(new NpgsqlParameter { Value = erasing.Select(d => d.Id).ToArray() });
            await mark.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var models = dataSource.CreateCommand("select count(*) from models where dataset_id = any($1)");
        models.Parameters.Add(new NpgsqlParameter { Value = holding.Select(d => d.Id).ToArray() });
        var trained = (long)(await models.ExecuteScalarAsync(cancellationToken))!;
        return new Dictionary<string, long> { ["datasets"] = holding.Count, ["models_trained_on_them"] = trained };
    }

    public Task<IReadOnlyDictionary<string, long>> EraseTenantAsync(string tenantId, CancellationToken cancellationToken) =>
        tenant.EraseAsync(tenantId, cancellationToken);
}
