using Npgsql;
using NpgsqlTypes;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Scrubber.Infrastructure;

/// <summary>
/// The calls database. (tenant_id, call_id) is unique, so storing a call that is already there changes nothing:
/// that is what makes redelivered messages and repeated POSTs land once.
/// </summary>
public sealed class CallStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "call_id, agent, workload, started_at, latency_ms, status, source, request::text, response::text, replacements::text, captured_at, stored_at, seq, stand_ins::text";

    /// <summary>Stores the call unless it is already stored; true when this call wrote the row.</summary>
    public async Task<bool> TryInsertAsync(ScrubbedCall call, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into calls (tenant_id, call_id, agent, workload, started_at, latency_ms, status, source, request, response, replacements, captured_at, stand_ins)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            on conflict (tenant_id, call_id) do nothing
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = call.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = call.CallId });
        command.Parameters.Add(new NpgsqlParameter { Value = call.Agent });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)call.Workload ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = call.StartedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)call.LatencyMs ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = call.Status });
        command.Parameters.Add(new NpgsqlParameter { Value = call.Source });
        command.Parameters.Add(new NpgsqlParameter { Value = call.RequestJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = call.ResponseJson, NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(call.Replacements), NpgsqlDbType = NpgsqlDbType.Jsonb });
        command.Parameters.Add(new NpgsqlParameter { Value = call.CapturedAt.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = JsonSerializer.Serialize(call.StandIns, PlatformJson.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<StoredCall?> FindAsync(string tenantId, string callId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"select {Columns} from calls where tenant_id = $1 and call_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = callId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader).Call : null;
    }

    /// <summary>The calls among <paramref name="callIds"/> that the tenant has, in the order of the ids asked for.</summary>
    public async Task<IReadOnlyList<StoredCall>> FindManyAsync(string tenantId, IReadOnlyList<string> callIds, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from calls where tenant_id = $1 and call_id = any($2)");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = callIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var found = new Dictionary<string, StoredCall>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var call = Read(reader).Call;
            found[call.Id] = call;
        }

        return [.. callIds.Distinct(StringComparer.Ordinal).Where(found.ContainsKey).Select(id => found[id])];
    }

    /// <summary>Keyset pagination over the insertion order (seq), so pages stay stable while calls keep arriving.</summary>
    public async Task<CallPage> ListAsync(string tenantId, CallQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            select {Columns} from calls
            where tenant_id = $1 and seq > $2 and ($3::text is null or agent = $3) and ($4::text is null or workload = $4)
              and ($6::timestamptz is null or started_at >= $6) and ($7::timestamptz is null or started_at < $7)
            order by seq
            limit $5
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = query.After });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Agent ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.Workload ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = query.Limit + 1 });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.StartedFrom ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)query.StartedBefore ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz });

        var items = new List<StoredCall>(query.Limit);
        long lastSeq = 0;
        var more = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (items.Count == query.Limit)
            {
                more = true;
                break;
            }

            var (call, seq) = Read(reader);
            items.Add(call);
            lastSeq = seq;
        }

        return new CallPage(items, more ? lastSeq.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private static (StoredCall Call, long Seq) Read(NpgsqlDataReader reader) => (new StoredCall(
        reader.GetString(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.GetFieldValue<DateTimeOffset>(3),
        reader.IsDBNull(4) ? null : reader.GetDouble(4),
        reader.GetString(5),
        reader.GetString(6),
        ParseJson(reader.GetString(7)),
        ParseJson(reader.GetString(8)),
        JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(9)) ?? [],
        reader.GetFieldValue<DateTimeOffset>(10),
        reader.GetFieldValue<DateTimeOffset>(11),
        reader.IsDBNull(13) ? null : JsonSerializer.Deserialize<List<StandIn>>(reader.GetString(13), PlatformJson.Options)), reader.GetInt64(12));

    private static JsonElement ParseJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
