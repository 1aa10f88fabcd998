using Npgsql;
using NpgsqlTypes;

namespace SlmPlatform.Scrubber.Infrastructure;

/// <summary>Aggregates the calls table's per-call <c>replacements</c> counts over time for one tenant.</summary>
public sealed class ScrubReportStore(NpgsqlDataSource dataSource)
{
    /// <summary>The bucket sizes PostgreSQL's date_trunc takes that the report offers.</summary>
    public static readonly IReadOnlySet<string> Buckets = new HashSet<string>(StringComparer.Ordinal) { "hour", "day", "week", "month" };

    public async Task<ScrubReport> ReportAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, string bucket, CancellationToken cancellationToken)
    {
        if (!Buckets.Contains(bucket))
        {
            throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "Not a supported bucket.");
        }

        var buckets = new SortedDictionary<DateTimeOffset, (long Calls, Dictionary<string, long> Counts)>();
        await using (var calls = Command(
            "select date_trunc($4, stored_at, 'UTC'), count(*) from calls where tenant_id = $1 and stored_at >= $2 and stored_at < $3 group by 1",
            tenantId, from, to, bucket))
        await using (var reader = await calls.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                buckets[reader.GetFieldValue<DateTimeOffset>(0)] = (reader.GetInt64(1), new Dictionary<string, long>(StringComparer.Ordinal));
            }
        }

        var totals = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using (var counts = Command(
            """
            select date_trunc($4, c.stored_at, 'UTC'), r.key, sum(r.value::text::bigint)
            from calls c cross join lateral jsonb_each(c.replacements) r
            where c.tenant_id = $1 and c.stored_at >= $2 and c.stored_at < $3 and jsonb_typeof(r.value) = 'number'
            group by 1, 2
            """,
            tenantId, from, to, bucket))
        await using (var reader = await counts.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var (_, byType) = buckets[reader.GetFieldValue<DateTimeOffset>(0)];
                var type = reader.GetString(1);
                var count = reader.GetInt64(2);
                byType[type] = count;
                totals[type] = totals.GetValueOrDefault(type) + count;
            }
        }

        return new ScrubReport(
            from,
            to,
            bucket,
            [.. buckets.Select(b => new ScrubReportBucket(b.Key, b.Value.Calls, new SortedDictionary<string, long>(b.Value.Counts, StringComparer.Ordinal)))],
            totals);
    }

    private NpgsqlCommand Command(string sql, string tenantId, DateTimeOffset from, DateTimeOffset to, string bucket)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = from.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = bucket });
        return command;
    }
}
