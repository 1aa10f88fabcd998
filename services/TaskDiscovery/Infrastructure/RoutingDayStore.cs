using Npgsql;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>The per-task, per-day sums of the gateways' routing tallies, each tally counted once.</summary>
public sealed class RoutingDayStore(NpgsqlDataSource dataSource)
{
    private const string Counters = "answered, answered_ms, fell_back, shadow_compared, shadow_agreed, shadow_failed, abstained, abstained_ms, shadow_abstained";

    // A redelivery comes within minutes; a week of remembered ids is ample. Pruned now and then, not on every tally.
    private static readonly TimeSpan RememberedFor = TimeSpan.FromDays(7);
    private const int PruneOneIn = 1_000;

    /// <summary>Adds the tally to its day; false when it was counted before.</summary>
    public async Task<bool> AddAsync(RoutingTallied tally, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var seen = new NpgsqlCommand("insert into routing_tallies_counted (event_id) values ($1) on conflict do nothing", connection, transaction);
        seen.Parameters.Add(new NpgsqlParameter { Value = tally.EventId });
        if (await seen.ExecuteNonQueryAsync(cancellationToken) == 0)
        {
            return false;
        }

        var c = tally.Counts;
        await using var add = new NpgsqlCommand(
            $"""
            insert into routing_days (tenant_id, task_id, day, {Counters}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
            on conflict (tenant_id, task_id, day) do update set
                answered = routing_days.answered + excluded.answered, answered_ms = routing_days.answered_ms + excluded.answered_ms,
                fell_back = routing_days.fell_back + excluded.fell_back, shadow_compared = routing_days.shadow_compared + excluded.shadow_compared,
                shadow_agreed = routing_days.shadow_agreed + excluded.shadow_agreed, shadow_failed = routing_days.shadow_failed + excluded.shadow_failed,
                abstained = routing_days.abstained + excluded.abstained, abstained_ms = routing_days.abstained_ms + excluded.abstained_ms,
                shadow_abstained = routing_days.shadow_abstained + excluded.shadow_abstained
            """, connection, transaction);
        foreach (var value in new object[] { tally.TenantId, tally.TaskId, tally.Day, c.Answered, c.AnsweredMilliseconds, c.FellBack, c.ShadowCompared, c.ShadowAgreed, c.ShadowFailed, c.Abstained, c.AbstainedMilliseconds, c.ShadowAbstained })
        {
            add.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        await add.ExecuteNonQueryAsync(cancellationToken);
        if (Random.Shared.Next(PruneOneIn) == 0)
        {
            await using var prune = new NpgsqlCommand("delete from routing_tallies_counted where counted_at < now() - $1", connection, transaction);
            prune.Parameters.Add(new NpgsqlParameter { Value = RememberedFor });
            await prune.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>The task's days from <paramref name="from"/> to <paramref name="to"/> (UTC dates), days without calls left out.</summary>
    public async Task<IReadOnlyList<RoutingDay>> ReadAsync(string tenantId, Guid taskId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            $"select day, {Counters} from routing_days where tenant_id = $1 and task_id = $2 and day between $3 and $4 order by day");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        var days = new List<RoutingDay>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new RoutingDay(
                reader.GetFieldValue<DateOnly>(0), reader.GetInt64(1), reader.GetDouble(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5),
                reader.GetInt64(6), reader.GetInt64(7), reader.GetDouble(8), reader.GetInt64(9)));
        }

        return days;
    }
}
