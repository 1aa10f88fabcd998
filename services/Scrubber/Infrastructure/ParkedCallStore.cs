using Npgsql;

namespace SlmPlatform.Scrubber.Infrastructure;

/// <summary>A parked call as listed: never its payload.</summary>
public sealed record ParkedCall(string CallId, DateTimeOffset ParkedAt, string Reason, int TimesParked);

/// <summary>The scrubber's parked calls, sealed, per tenant.</summary>
public sealed class ParkedCallStore(NpgsqlDataSource dataSource)
{
    /// <summary>Keeps the latest parking of a call (a replay that failed again replaces it) and counts them.</summary>
    public async Task AddAsync(CallParked parked, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into parked_calls (tenant_id, call_id, parked_at, reason, sealed) values ($1, $2, $3, $4, $5)
            on conflict (tenant_id, call_id) do update set parked_at = excluded.parked_at, reason = excluded.reason, sealed = excluded.sealed,
                times_parked = parked_calls.times_parked + 1
            where parked_calls.parked_at < excluded.parked_at
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = parked.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = parked.CallId });
        command.Parameters.Add(new NpgsqlParameter { Value = parked.ParkedAt.UtcDateTime, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = parked.Reason });
        command.Parameters.Add(new NpgsqlParameter { Value = parked.Sealed });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ParkedCall>> ListAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select call_id, parked_at, reason, times_parked from parked_calls where tenant_id = $1 order by parked_at, call_id limit $2");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        var parked = new List<ParkedCall>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            parked.Add(new ParkedCall(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return parked;
    }

    /// <summary>The sealed payload of a parked call, or null.</summary>
    public async Task<byte[]?> SealedAsync(string tenantId, string callId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select sealed from parked_calls where tenant_id = $1 and call_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = callId });
        return await command.ExecuteScalarAsync(cancellationToken) as byte[];
    }

    public async Task RemoveAsync(string tenantId, string callId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from parked_calls where tenant_id = $1 and call_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = callId });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes calls parked before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> ExpireAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from parked_calls where parked_at < $1");
        command.Parameters.Add(new NpgsqlParameter { Value = before.UtcDateTime, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
