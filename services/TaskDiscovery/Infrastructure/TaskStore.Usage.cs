using Npgsql;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>The tenant's captured calls per UTC day and task, priced with the price table.</summary>
public sealed partial class TaskStore
{
    public async Task<UsageReport> UsageAsync(string tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        // Calls of a task merged into another count under the one they are filed under now, as the tasks list counts them.
        await using var command = dataSource.CreateCommand(
            """
            select (c.started_at at time zone 'utc')::date, c.task_id, t.name, c.model, count(*),
                   coalesce(sum(c.prompt_tokens), 0), coalesce(sum(c.completion_tokens), 0)
            from task_calls c join tasks t on t.task_id = c.task_id
            where c.tenant_id = $1 and c.started_at >= $2 and c.started_at < $3
            group by 1, 2, 3, 4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) });
        command.Parameters.Add(new NpgsqlParameter { Value = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) });
        var prices = await priceTable.ForAsync(tenantId, cancellationToken);
        var days = new Dictionary<(DateOnly Day, Guid TaskId), UsageDay>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = (DateOnly.FromDateTime(reader.GetDateTime(0)), reader.GetGuid(1));
            var (prompt, completion) = (reader.GetInt64(5), reader.GetInt64(6));
            var cost = !reader.IsDBNull(3) && prices.TryPrice(reader.GetString(3), prompt, completion, out var priced) ? priced : 0m;
            var day = days.GetValueOrDefault(key) ?? new UsageDay(key.Item1, key.Item2, reader.GetString(2), 0, 0, 0, 0m);
            days[key] = day with
            {
                Calls = day.Calls + reader.GetInt64(4),
                PromptTokens = day.PromptTokens + prompt,
                CompletionTokens = day.CompletionTokens + completion,
                Cost = day.Cost + cost,
            };
        }

        var ordered = days.Values.OrderBy(d => d.Day).ThenByDescending(d => d.Calls).ToList();
        return new UsageReport(from, to, ordered.Sum(d => d.Calls), ordered.Sum(d => d.Cost), ordered);
    }
}
