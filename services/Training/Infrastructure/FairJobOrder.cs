using Npgsql;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>Which waiting job a free worker takes: the queue's order is first in, first out; this is fair between tenants.</summary>
public sealed class FairJobOrder(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// The jobs a free worker may take, fairest first: those of the tenants with the fewest jobs running now, then of
    /// the tenant whose last job started longest ago (or never), then the oldest. <paramref name="announced"/> (the
    /// job the worker was woken for) is always among them, last if nothing fairer is waiting. A tenant that queues
    /// many jobs thus takes turns with the others instead of holding every worker until its queue is empty.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> CandidatesAsync(Guid announced, int count, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            with waiting as (
                select job_id, tenant_id, created_at from finetune_jobs
                where state = 'queued' or (state = 'running' and (lease_expires_at is null or lease_expires_at < now()))),
            tenants as (
                select tenant_id,
                       count(*) filter (where state = 'running' and lease_expires_at >= now()) as running,
                       max(started_at) as last_started
                from finetune_jobs where tenant_id in (select tenant_id from waiting)
                group by tenant_id)
            select w.job_id from waiting w join tenants t on t.tenant_id = w.tenant_id
            order by t.running, t.last_started nulls first, w.created_at, w.job_id
            limit $1
            """);
        command.Parameters.Add(Db.Value(count));
        var order = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                order.Add(reader.GetGuid(0));
            }
        }

        if (!order.Contains(announced))
        {
            order.Add(announced);
        }

        return order;
    }
}
