using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using SlmPlatform.Routing;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>The tasks database: call sites found, the calls that belong to them, and their statistics. Tasks merged into another are not listed.</summary>
public sealed partial class TaskStore(NpgsqlDataSource dataSource, PriceTable priceTable, IOptionsMonitor<TopicOptions> topicOptions)
{
    /// <summary>
    /// Creates the call site's task on first sight. Returns whether this call is the one that revealed the task — on
    /// its first delivery and on any redelivery, so its announcement is never lost — and the task its calls are filed
    /// under now (the one it was merged into, if it was). A new call site is stored with its system prompt's embedding
    /// (<c>signature</c>), and created already merged into <c>foldInto</c> when that is given. The name is the task's as stored.
    /// </summary>
    public async Task<(bool Revealed, Guid FileUnder, string Name)> EnsureTaskAsync(
        CallScrubbed call, CallSite site, CallSiteSignature? signature, Guid? foldInto, CancellationToken cancellationToken)
    {
        var taskId = site.TaskId(call.TenantId);

        // Two call sites whose prompts open alike get one name: the later ones are told apart by a number ("-2"). Two
        // new call sites of one name filed at once would both count none before them, so a new one first takes a lock
        // on its tenant and name (held to the end of this batch's implicit transaction); the insert, a statement of
        // its own, then sees the other's row. A known call site takes no lock.
        await using var batch = dataSource.CreateBatch();
        var naming = new NpgsqlBatchCommand(
            """
            select pg_advisory_xact_lock(hashtextextended($1 || '/' || $2, 0))
            where not exists (select 1 from tasks where task_id = $3)
            """);
        naming.Parameters.Add(new NpgsqlParameter { Value = call.TenantId });
        naming.Parameters.Add(new NpgsqlParameter { Value = site.Name });
        naming.Parameters.Add(new NpgsqlParameter { Value = taskId });
        batch.BatchCommands.Add(naming);
        var task = new NpgsqlBatchCommand(
            """
            with created as (
                insert into tasks (task_id, tenant_id, call_site_key, name, agent, workload, output_kind, first_call_id, signature_text, signature_vector, merged_into, name_source)
                values ($1, $2, $3,
                        $4 || coalesce((select '-' || (count(*) + 1) from tasks n
                                        where n.tenant_id = $2 and n.merged_into is null
                                          and (n.name = $4 or (left(n.name, length($4) + 1) = $4 || '-' and substr(n.name, length($4) + 2) ~ '^[0-9]+$'))
                                        having count(*) > 0), ''),
                        $5, $6, $7, $8, $9, $10, $11, $12)
                on conflict (task_id) do update set first_call_id = tasks.first_call_id
                returning first_call_id, merged_into, name)
            select (select first_call_id from created), coalesce(m3.task_id, m2.task_id, m1.task_id, $1), (select name from created)
            from (select 1) one
            left join tasks m1 on m1.task_id = (select merged_into from created)
            left join tasks m2 on m2.task_id = m1.merged_into
            left join tasks m3 on m3.task_id = m2.merged_into
            """);
        batch.BatchCommands.Add(task);
        task.Parameters.Add(new NpgsqlParameter { Value = taskId });
        task.Parameters.Add(new NpgsqlParameter { Value = call.TenantId });
        task.Parameters.Add(new NpgsqlParameter { Value = site.Key });
        task.Parameters.Add(new NpgsqlParameter { Value = site.Name });
        task.Parameters.Add(new NpgsqlParameter { Value = site.Agent });
        task.Parameters.Add(Nullable(site.Workload, NpgsqlDbType.Text));
        task.Parameters.Add(new NpgsqlParameter { Value = site.OutputKind });
        task.Parameters.Add(new NpgsqlParameter { Value = call.CallId });
        task.Parameters.Add(Nullable(signature?.Text, NpgsqlDbType.Text));
        task.Parameters.Add(Nullable(signature?.Vector, NpgsqlDbType.Array | NpgsqlDbType.Real));
        task.Parameters.Add(Nullable(foldInto, NpgsqlDbType.Uuid));
        task.Parameters.Add(new NpgsqlParameter { Value = site.NameSource });
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetString(0) == call.CallId, reader.GetGuid(1), reader.GetString(2));
    }

    /// <summary>Files the call under the task (and topic) given; a call already filed stays where it is.</summary>
    public async Task RecordCallAsync(CallScrubbed call, Guid taskId, int? topicId, CancellationToken cancellationToken)
    {
        var facts = call.Facts;
        await using var row = dataSource.CreateCommand(
            """
            insert into task_calls (tenant_id, call_id, task_id, started_at, model, prompt_tokens, completion_tokens, latency_ms, output_label, request_text, topic_id)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) on conflict do nothing
            """);
        row.Parameters.Add(new NpgsqlParameter { Value = call.TenantId });
        row.Parameters.Add(new NpgsqlParameter { Value = call.CallId });
        row.Parameters.Add(new NpgsqlParameter { Value = taskId });
        row.Parameters.Add(new NpgsqlParameter { Value = call.StartedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        row.Parameters.Add(Nullable(facts?.Model, NpgsqlDbType.Text));
        row.Parameters.Add(Nullable(facts?.PromptTokens, NpgsqlDbType.Integer));
        row.Parameters.Add(Nullable(facts?.CompletionTokens, NpgsqlDbType.Integer));
        row.Parameters.Add(Nullable(facts?.LatencyMs, NpgsqlDbType.Double));
        row.Parameters.Add(Nullable(facts?.OutputLabel, NpgsqlDbType.Text));
        row.Parameters.Add(Nullable(facts?.RequestText, NpgsqlDbType.Text));
        row.Parameters.Add(Nullable(topicId, NpgsqlDbType.Integer));
        await row.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The call's route key when no task has it yet, else null.</summary>
    public async Task<string?> NewRouteKeyAsync(CallScrubbed call, CancellationToken cancellationToken)
    {
        if (RouteKeyOf(call) is not { } routeKey)
        {
            return null;
        }

        await using var command = dataSource.CreateCommand("select 1 from task_route_keys where tenant_id = $1 and route_key = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = call.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = routeKey });
        return await command.ExecuteScalarAsync(cancellationToken) is null ? routeKey : null;
    }

    /// <summary>Gives the task the route key (a key another task holds stays with it).</summary>
    public async Task AddRouteKeyAsync(string tenantId, string routeKey, Guid taskId, CancellationToken cancellationToken)
    {
        await using var key = dataSource.CreateCommand(
            "insert into task_route_keys (tenant_id, route_key, task_id) values ($1, $2, $3) on conflict do nothing");
        key.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        key.Parameters.Add(new NpgsqlParameter { Value = routeKey });
        key.Parameters.Add(new NpgsqlParameter { Value = taskId });
        await key.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first keys the gateway can route the task's calls by (its tag, or prompt hashes), oldest first.</summary>
    public async Task<IReadOnlyList<string>> RouteKeysAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select route_key from task_route_keys where task_id = $1 order by route_key limit 1000");
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private static string? RouteKeyOf(CallScrubbed call) =>
        call.Workload is { } workload ? RouteKeys.ForWorkload(call.Agent, workload)
        : call.Facts?.PromptKey is { } promptKey ? RouteKeys.ForPrompt(promptKey)
        : null;

    /// <summary>The tenant that owns the task, or null when there is no such task.</summary>
    public async Task<string?> TenantOfAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select tenant_id from tasks where task_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TaskSummary>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        (await SummariesAsync(tenantId, null, cancellationToken)).Summaries;

    public async Task<TaskDetail?> FindAsync(string tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        var (summaries, allLabels) = await SummariesAsync(tenantId, taskId, cancellationToken);
        if (summaries.SingleOrDefault() is not { } summary)
        {
            return null;
        }

        var labels = allLabels.GetValueOrDefault(taskId, []);
        return new TaskDetail(
            summary,
            [.. labels.OrderByDescending(l => l.Calls).ThenBy(l => l.Label, StringComparer.Ordinal).Take(100)],
            await RouteKeysAsync(taskId, cancellationToken));
    }

    /// <summary>A task's calls in the order they were recorded; keyset pagination on that order.</summary>
    public async Task<TaskCallPage> CallsAsync(string tenantId, Guid taskId, long after, int limit, StartedWindow started, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select call_id, started_at, model, prompt_tokens, completion_tokens, latency_ms, output_label, seq, topic_id
            from task_calls where tenant_id = $1 and task_id = $2 and seq > $3
              and ($5::timestamptz is null or started_at >= $5) and ($6::timestamptz is null or started_at < $6)
            order by seq limit $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        command.Parameters.Add(new NpgsqlParameter { Value = after });
        command.Parameters.Add(new NpgsqlParameter { Value = limit + 1 });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)started.From ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)started.To ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var items = new List<TaskCall>();
        long last = 0;
        var more = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (items.Count == limit)
            {
                more = true;
                break;
            }

            items.Add(new TaskCall(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetDouble(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(8) ? null : reader.GetInt32(8)));
            last = reader.GetInt64(7);
        }

        return new TaskCallPage(items, more ? last.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private static NpgsqlParameter Nullable<T>(T? value, NpgsqlDbType type) => new() { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = type };
}
