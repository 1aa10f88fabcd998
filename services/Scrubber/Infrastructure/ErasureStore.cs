using Npgsql;
using NpgsqlTypes;

namespace SlmPlatform.Scrubber.Infrastructure;

/// <summary>
/// Erasures: the calls service deletes the scope's calls and parked calls and records the erasure, with the ids
/// every other service must erase, in one transaction; the ids are kept until <see cref="ErasureOutbox"/> has
/// published them, so an erasure cannot be lost between the commit and the broker.
/// </summary>
public sealed class ErasureStore(NpgsqlDataSource dataSource, ParkedCallSeal seal)
{
    public const string Service = "calls";

    /// <summary>The new erasure's id, or null for a single call the tenant does not have (stored or parked).</summary>
    public async Task<Guid?> EraseAsync(string tenantId, ErasureScope scope, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var callIds = await DeleteCallsAsync(connection, transaction, tenantId, scope, cancellationToken);
        var parked = await DeleteParkedAsync(connection, transaction, tenantId, scope, cancellationToken);
        if (scope.Kind == ErasureScopes.Call && callIds.Count == 0 && parked == 0)
        {
            return null;
        }

        var erasureId = Guid.CreateVersion7();
        await using (var record = new NpgsqlCommand(
            """
            insert into erasures (erasure_id, tenant_id, scope, target, calls, parked_calls, parts, call_ids, published_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, case when $7 = 0 then now() end)
            """, connection, transaction))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = erasureId });
            record.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            record.Parameters.Add(new NpgsqlParameter { Value = scope.Kind });
            record.Parameters.Add(new NpgsqlParameter { Value = (object?)scope.Target ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
            record.Parameters.Add(new NpgsqlParameter { Value = (long)callIds.Count });
            record.Parameters.Add(new NpgsqlParameter { Value = parked });
            record.Parameters.Add(new NpgsqlParameter { Value = PartsOf(scope, callIds.Count) });
            record.Parameters.Add(new NpgsqlParameter { Value = callIds.ToArray() });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return erasureId;
    }

    /// <summary>
    /// Parts of at most <see cref="CallsErased.MaxCallIds"/> calls, and for the whole tenant one more that names none:
    /// the services delete what they keep of the tenant besides its calls on it.
    /// </summary>
    public static int PartsOf(ErasureScope scope, int calls) =>
        ((calls + CallsErased.MaxCallIds - 1) / CallsErased.MaxCallIds) + (scope.Kind == ErasureScopes.Tenant ? 1 : 0);

    /// <summary>The erasure's report, or null when the tenant has no such erasure.</summary>
    public async Task<ErasureStatus?> FindAsync(string tenantId, Guid erasureId, IReadOnlyList<string> services, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            select e.scope, e.target, e.requested_at, e.calls, e.parked_calls, e.parts, r.service, r.deleted::text
            from erasures e left join erasure_reports r on r.erasure_id = e.erasure_id
            where e.tenant_id = $1 and e.erasure_id = $2
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = erasureId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var (scope, target, requestedAt, parts) = (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetInt32(5));
        var deleted = new Dictionary<string, IReadOnlyDictionary<string, long>>(StringComparer.Ordinal)
        {
            [Service] = new Dictionary<string, long> { ["calls"] = reader.GetInt64(3), ["parked_calls"] = reader.GetInt64(4) },
        };
        var reported = new Dictionary<string, (int Parts, Dictionary<string, long> Sums)>(StringComparer.Ordinal);
        do
        {
            if (reader.IsDBNull(6))
            {
                continue;
            }

            var service = reader.GetString(6);
            var entry = reported.TryGetValue(service, out var found) ? found : (Parts: 0, Sums: new Dictionary<string, long>(StringComparer.Ordinal));
            foreach (var (store, count) in JsonSerializer.Deserialize<Dictionary<string, long>>(reader.GetString(7)) ?? [])
            {
                entry.Sums[store] = entry.Sums.GetValueOrDefault(store) + count;
            }

            reported[service] = (entry.Parts + 1, entry.Sums);
        }
        while (await reader.ReadAsync(cancellationToken));

        foreach (var (service, (_, sums)) in reported)
        {
            deleted[service] = sums;
        }

        var waiting = services.Where(s => reported.GetValueOrDefault(s).Parts < parts).ToList();
        return new ErasureStatus(erasureId, scope, target, requestedAt, waiting.Count == 0 ? ErasureStates.Complete : ErasureStates.InProgress, deleted, waiting);
    }

    /// <summary>Keeps a service's report of one part; a report delivered again changes nothing.</summary>
    public async Task AddReportAsync(ErasureCompleted completed, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into erasure_reports (erasure_id, service, part, deleted, completed_at)
            select $1, $2, $3, $4, $5 where exists (select 1 from erasures where erasure_id = $1 and tenant_id = $6)
            on conflict do nothing
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = completed.ErasureId });
        command.Parameters.Add(new NpgsqlParameter { Value = completed.Service });
        command.Parameters.Add(new NpgsqlParameter { Value = completed.Part });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(completed.Deleted), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = completed.CompletedAt });
        command.Parameters.Add(new NpgsqlParameter { Value = completed.TenantId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<List<string>> DeleteCallsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, ErasureScope scope, CancellationToken cancellationToken)
    {
        var filter = scope.Kind switch
        {
            ErasureScopes.Call => " and call_id = $2",
            ErasureScopes.Agent => " and agent = $2",
            _ => "",
        };
        await using var command = new NpgsqlCommand($"delete from calls where tenant_id = $1{filter} returning call_id", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        if (scope.Target is { } target)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = target });
        }

        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Parked calls are sealed: an agent's are found by opening each of the tenant's.</summary>
    private async Task<long> DeleteParkedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, ErasureScope scope, CancellationToken cancellationToken)
    {
        string[]? ids = scope.Kind switch
        {
            ErasureScopes.Call => [scope.Target!],
            ErasureScopes.Agent => await ParkedOfAgentAsync(connection, transaction, tenantId, scope.Target!, cancellationToken),
            _ => null,
        };
        await using var command = new NpgsqlCommand(
            ids is null ? "delete from parked_calls where tenant_id = $1" : "delete from parked_calls where tenant_id = $1 and call_id = any($2)", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        if (ids is not null)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ids });
        }

        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<string[]> ParkedOfAgentAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, string agent, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select call_id, sealed from parked_calls where tenant_id = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var callId = reader.GetString(0);
            var captured = JsonSerializer.Deserialize<CallCaptured>(seal.Open(tenantId, callId, reader.GetFieldValue<byte[]>(1)));
            if (captured?.Agent == agent)
            {
                ids.Add(callId);
            }
        }

        return [.. ids];
    }
}
