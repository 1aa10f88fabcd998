using Npgsql;
using NpgsqlTypes;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>
/// Fine-tune jobs and the lease that keeps one job on one worker at a time: a worker takes a job only when nobody
/// holds it or the holder's lease has expired, renews the lease while it trains, and every write it makes about
/// the job's progress or outcome is conditional on still holding it.
/// </summary>
public sealed class JobStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "job_id, client_job_id, task_id, kind, state, cancel_requested, attempts, dataset_id, model_id, selection, progress, error, created_at, started_at, finished_at, tenant_id, request, checkpoint_key";

    /// <summary>Creates the job, or returns the one a previous request with the same id created (Created false).</summary>
    public async Task<(FineTuneJob Job, bool Created)> CreateAsync(string tenantId, Guid jobId, FineTuneRequest request, string kind, CancellationToken cancellationToken)
    {
        await using var insert = dataSource.CreateCommand(
            $"""
            insert into finetune_jobs (job_id, tenant_id, client_job_id, task_id, kind, request, state)
            values ($1, $2, $3, $4, $5, $6, 'queued') on conflict do nothing returning {Columns}
            """);
        insert.Parameters.Add(Db.Value(jobId));
        insert.Parameters.Add(Db.Value(tenantId));
        insert.Parameters.Add(Db.Nullable(request.ClientJobId, NpgsqlDbType.Text));
        insert.Parameters.Add(Db.Value(request.TaskId!.Value));
        insert.Parameters.Add(Db.Value(kind));
        insert.Parameters.Add(Db.Jsonb(JsonSerializer.Serialize(request, Db.JsonOptions)));
        if (await ReadOneAsync(insert, cancellationToken) is { } created)
        {
            return (created.Job, true);
        }

        await using var existing = dataSource.CreateCommand($"select {Columns} from finetune_jobs where tenant_id = $1 and (job_id = $2 or client_job_id = $3)");
        existing.Parameters.Add(Db.Value(tenantId));
        existing.Parameters.Add(Db.Value(jobId));
        existing.Parameters.Add(Db.Nullable(request.ClientJobId, NpgsqlDbType.Text));
        var row = await ReadOneAsync(existing, cancellationToken) ?? throw new InvalidOperationException("The job id is taken by another tenant.");
        return (row.Job, false);
    }

    public async Task<FineTuneJob?> FindAsync(string tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from finetune_jobs where tenant_id = $1 and job_id = $2");
        command.Parameters.Add(Db.Value(tenantId));
        command.Parameters.Add(Db.Value(jobId));
        return (await ReadOneAsync(command, cancellationToken))?.Job;
    }

    /// <summary>Asks a job to stop: a queued job is cancelled at once, a running one by its worker at its next heartbeat.</summary>
    public async Task<FineTuneJob?> CancelAsync(string tenantId, Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            update finetune_jobs set cancel_requested = state in ('queued', 'running') or cancel_requested,
                state = case when state = 'queued' then 'cancelled' else state end,
                finished_at = case when state = 'queued' then now() else finished_at end, updated_at = now()
            where tenant_id = $1 and job_id = $2 returning {Columns}
            """);
        command.Parameters.Add(Db.Value(tenantId));
        command.Parameters.Add(Db.Value(jobId));
        return (await ReadOneAsync(command, cancellationToken))?.Job;
    }

    /// <summary>
    /// Takes the job for <paramref name="holder"/> when it is unfinished and nobody holds a live lease on it; null
    /// otherwise. A job whose cancel was asked while its worker was gone is cancelled here instead, and one that has
    /// used up its attempts fails.
    /// </summary>
    public async Task<JobRow?> TryAcquireAsync(Guid jobId, string holder, TimeSpan lease, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var giveUp = dataSource.CreateCommand(
            """
            update finetune_jobs set state = 'failed', error = 'Stopped after ' || attempts || ' attempts; see the service log for each failure.',
                finished_at = now(), lease_holder = null, lease_expires_at = null, updated_at = now()
            where job_id = $1 and state in ('queued', 'running') and attempts >= $2 and (lease_expires_at is null or lease_expires_at < now())
            """);
        giveUp.Parameters.Add(Db.Value(jobId));
        giveUp.Parameters.Add(Db.Value(maxAttempts));
        await giveUp.ExecuteNonQueryAsync(cancellationToken);

        await using var cancel = dataSource.CreateCommand(
            """
            update finetune_jobs set state = 'cancelled', finished_at = now(), lease_holder = null, lease_expires_at = null, updated_at = now()
            where job_id = $1 and cancel_requested and state in ('queued', 'running') and (lease_expires_at is null or lease_expires_at < now())
            """);
        cancel.Parameters.Add(Db.Value(jobId));
        await cancel.ExecuteNonQueryAsync(cancellationToken);

        await using var command = dataSource.CreateCommand(
            $"""
            update finetune_jobs set state = 'running', lease_holder = $2, lease_expires_at = now() + $3, attempts = attempts + 1,
                started_at = coalesce(started_at, now()), updated_at = now()
            where job_id = $1 and state in ('queued', 'running') and (lease_expires_at is null or lease_expires_at < now())
            returning {Columns}
            """);
        command.Parameters.Add(Db.Value(jobId));
        command.Parameters.Add(Db.Value(holder));
        command.Parameters.Add(new NpgsqlParameter { Value = lease, NpgsqlDbType = NpgsqlDbType.Interval });
        return await ReadOneAsync(command, cancellationToken);
    }

    /// <summary>Renews the lease. Held false when another worker has taken the job; CancelRequested when the user asked to stop.</summary>
    public async Task<(bool Held, bool CancelRequested)> HeartbeatAsync(Guid jobId, string holder, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update finetune_jobs set lease_expires_at = now() + $3, updated_at = now() where job_id = $1 and lease_holder = $2 and state = 'running' returning cancel_requested");
        command.Parameters.Add(Db.Value(jobId));
        command.Parameters.Add(Db.Value(holder));
        command.Parameters.Add(new NpgsqlParameter { Value = lease, NpgsqlDbType = NpgsqlDbType.Interval });
        return await command.ExecuteScalarAsync(cancellationToken) is bool cancelRequested ? (true, cancelRequested) : (false, false);
    }

    /// <summary>Sets columns of a job the holder still holds: progress, checkpoint_key, dataset_id, selection.</summary>
    public async Task<bool> UpdateAsync(Guid jobId, string holder, string column, object? value, CancellationToken cancellationToken)
    {
        var (sql, type) = column switch
        {
            // Merged, so that a new phase keeps the last epoch's figures beside it.
            "progress" => ("progress = coalesce(progress, '{}'::jsonb) || $3::jsonb", NpgsqlDbType.Text),
            "selection" => ("selection = $3::jsonb", NpgsqlDbType.Text),
            "checkpoint_key" => ("checkpoint_key = $3", NpgsqlDbType.Text),
            "dataset_id" => ("dataset_id = $3", NpgsqlDbType.Text),
            _ => throw new ArgumentException($"Column {column} cannot be updated.", nameof(column)),
        };
        await using var command = dataSource.CreateCommand($"update finetune_jobs set {sql}, updated_at = now() where job_id = $1 and lease_holder = $2 and state = 'running'");
        command.Parameters.Add(Db.Value(jobId));
        command.Parameters.Add(Db.Value(holder));
        command.Parameters.Add(Db.Nullable(value, type));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Lets the lease go at once (after an unexpected failure), so that a retry need not wait for it to expire.</summary>
    public async Task ReleaseAsync(Guid jobId, string holder, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "update finetune_jobs set lease_expires_at = now() - interval '1 millisecond', updated_at = now() where job_id = $1 and lease_holder = $2 and state = 'running'");
        command.Parameters.Add(Db.Value(jobId));
        command.Parameters.Add(Db.Value(holder));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Ends the job in a final state and releases the lease, if the holder still holds it.</summary>
    public async Task<bool> FinishAsync(Guid jobId, string holder, string state, string? error, Guid? modelId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            update finetune_jobs set state = $3, error = $4, model_id = coalesce($5, model_id), finished_at = now(),
                lease_holder = null, lease_expires_at = null, updated_at = now()
            where job_id = $1 and lease_holder = $2 and state = 'running'
            """);
        command.Parameters.Add(Db.Value(jobId));
        command.Parameters.Add(Db.Value(holder));
        command.Parameters.Add(Db.Value(state));
        command.Parameters.Add(Db.Nullable(error, NpgsqlDbType.Text));
        command.Parameters.Add(Db.Nullable(modelId, NpgsqlDbType.Uuid));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Jobs to announce again: running with a lease expired for longer than <paramref name="interval"/>, or queued and
    /// not announced for ten intervals (a queued job usually waits behind others for a free worker, and each
    /// announcement adds a message to the queue).
    /// </summary>
    public async Task<IReadOnlyList<(Guid JobId, string TenantId)>> DueAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select job_id, tenant_id from finetune_jobs
            where (state = 'running' and lease_expires_at < now() and updated_at < now() - $1)
               or (state = 'queued' and updated_at < now() - $1 * 10)
            order by created_at limit 100
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = interval, NpgsqlDbType = NpgsqlDbType.Interval });
        var due = new List<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            due.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return due;
    }

    /// <summary>Marks an unfinished job as announced again, so the sweeper waits a full interval before the next announcement.</summary>
    public async Task TouchAsync(Guid jobId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("update finetune_jobs set updated_at = now() where job_id = $1 and state in ('queued', 'running')");
        command.Parameters.Add(Db.Value(jobId));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// The tenant's jobs, newest first, optionally of one task or in one state; <paramref name="after"/> is the last
    /// job of the previous page (its creation time and id), so pages hold while new jobs arrive.
    /// </summary>
    public async Task<IReadOnlyList<FineTuneJob>> ListAsync(
        string tenantId, Guid? taskId, string? state, (DateTimeOffset CreatedAt, Guid JobId)? after, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select {Columns} from finetune_jobs
            where tenant_id = $1 and ($2::uuid is null or task_id = $2) and ($3::text is null or state = $3)
              and ($4::timestamptz is null or (created_at, job_id) < ($4, $5))
            order by created_at desc, job_id desc limit $6
            """);
        command.Parameters.Add(Db.Value(tenantId));
        command.Parameters.Add(Db.Nullable(taskId, NpgsqlDbType.Uuid));
        command.Parameters.Add(Db.Nullable(state, NpgsqlDbType.Text));
        command.Parameters.Add(Db.Nullable(after?.CreatedAt, NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Db.Value(after?.JobId ?? Guid.Empty));
        command.Parameters.Add(Db.Value(limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var jobs = new List<FineTuneJob>();
        while (await reader.ReadAsync(cancellationToken))
        {
            jobs.Add(Read(reader).Job);
        }

        return jobs;
    }

    private static async Task<JobRow?> ReadOneAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    private static JobRow Read(NpgsqlDataReader reader)
    {
        var job = new FineTuneJob(
            reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetGuid(2), reader.GetString(3), reader.GetString(4),
            reader.GetBoolean(5), reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetGuid(8),
            Db.JsonOrNull(reader, 9), Db.JsonOrNull(reader, 10), reader.IsDBNull(11) ? null : reader.GetString(11),
            reader.GetFieldValue<DateTimeOffset>(12), reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
            reader.IsDBNull(14) ? null : reader.GetFieldValue<DateTimeOffset>(14));
        var request = JsonSerializer.Deserialize<FineTuneRequest>(reader.GetString(16), Db.JsonOptions)!;
        return new JobRow(job, reader.GetString(15), request, reader.IsDBNull(17) ? null : reader.GetString(17));
    }
}
