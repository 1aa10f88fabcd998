using Npgsql;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>
/// Everything training keeps of a tenant, deleted when the whole tenant is erased: its fine-tune jobs, datasets, models
/// and evaluations, and every artifact under the tenant's folder (examples, checkpoints, trained models). Jobs still
/// running are cancelled first and the erasure waits for their workers to stop (<see cref="JobsStillStoppingException"/>
/// makes the consumer try again), so that no worker writes a checkpoint or a model after the folder is gone.
/// </summary>
public sealed class TenantTrainingErasure(NpgsqlDataSource dataSource, IArtifactStore artifacts)
{
    // Children before parents; the count of each goes in the erasure's report under the table's name.
    private static readonly (string Table, string Sql)[] Deletions =
    [
        ("model_evaluations", "delete from model_evaluations where tenant_id = $1"),
        ("models", "delete from models where tenant_id = $1"),
        ("datasets", "delete from datasets where tenant_id = $1"),
        ("finetune_jobs", "delete from finetune_jobs where tenant_id = $1"),
    ];

    public async Task<IReadOnlyDictionary<string, long>> EraseAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using (var cancel = dataSource.CreateCommand(
            """
            update finetune_jobs set cancel_requested = true,
                state = case when state = 'queued' then 'cancelled' else state end,
                finished_at = case when state = 'queued' then now() else finished_at end, updated_at = now()
            where tenant_id = $1 and state in ('queued', 'running')
            """))
        {
            cancel.Parameters.Add(Db.Value(tenantId));
            await cancel.ExecuteNonQueryAsync(cancellationToken);
        }

        var deleted = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            // The rows locked: a sweeper cannot hand a job on while they go.
            await using (var running = new NpgsqlCommand(
                "select count(*) filter (where state = 'running' and lease_expires_at >= now()) from (select state, lease_expires_at from finetune_jobs where tenant_id = $1 for update) j",
                connection, transaction))
            {
                running.Parameters.Add(Db.Value(tenantId));
                if ((long)(await running.ExecuteScalarAsync(cancellationToken))! is var stopping and > 0)
                {
                    throw new JobsStillStoppingException(tenantId, stopping);
                }
            }

            foreach (var (table, sql) in Deletions)
            {
                await using var command = new NpgsqlCommand(sql, connection, transaction);
                command.Parameters.Add(Db.Value(tenantId));
                deleted[table] = await command.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        deleted["artifacts"] = await artifacts.DeleteFolderAsync(DatasetStore.Safe(tenantId), cancellationToken);
        return deleted;
    }
}

/// <summary>A whole-tenant erasure found jobs of the tenant whose workers have not stopped yet; it is tried again.</summary>
public sealed class JobsStillStoppingException(string tenantId, long jobs)
    : Exception($"{jobs} fine-tune job(s) of tenant {tenantId} were asked to stop and are still running; the erasure is tried again.");
