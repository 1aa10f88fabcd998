using MassTransit;
using Npgsql;
using SlmPlatform.Messaging;

namespace SlmPlatform.Scrubber.Infrastructure;

/// <summary>
/// Announces each erasure to the other services (<see cref="CallsErased"/>, in parts) and then forgets its call ids.
/// The request publishes its own erasure at once; this worker publishes any left behind (the broker was away, the
/// process stopped) every <see cref="Interval"/>. Parts carry ids derived from the erasure, so publishing twice is harmless.
/// </summary>
public sealed partial class ErasureOutbox(NpgsqlDataSource dataSource, IBus bus, ILogger<ErasureOutbox> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>Publishes the erasure now; were the broker away, it is already stored and the worker announces it later.</summary>
    public async Task TryPublishAsync(Guid erasureId, CancellationToken cancellationToken)
    {
        try
        {
            await PublishAsync(erasureId, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogLeftForLater(erasureId, e);
        }
    }

    public async Task PublishAsync(Guid erasureId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select tenant_id, call_ids, parts, requested_at, scope from erasures where erasure_id = $1 and published_at is null");
        command.Parameters.Add(new NpgsqlParameter { Value = erasureId });
        string tenantId;
        string[] callIds;
        int parts;
        DateTimeOffset requestedAt;
        bool wholeTenant;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return;
            }

            (tenantId, callIds, parts, requestedAt) = (reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.GetInt32(2), reader.GetFieldValue<DateTimeOffset>(3));
            wholeTenant = reader.GetString(4) == ErasureScopes.Tenant;
        }

        for (var part = 1; part <= parts; part++)
        {
            var tenantPart = wholeTenant && part == parts;
            var ids = tenantPart ? [] : callIds.Skip((part - 1) * CallsErased.MaxCallIds).Take(CallsErased.MaxCallIds).ToArray();
            var erased = new CallsErased(ErasureReport.PartEventId(erasureId, part), tenantId, erasureId, part, parts, ids, requestedAt, tenantPart);
            await bus.PublishMandatoryAsync(erased, erased.EventId, cancellationToken);
        }

        await using var published = dataSource.CreateCommand("update erasures set published_at = now(), call_ids = null where erasure_id = $1");
        published.Parameters.Add(new NpgsqlParameter { Value = erasureId });
        await published.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            try
            {
                foreach (var erasureId in await LeftBehindAsync(stoppingToken))
                {
                    await PublishAsync(erasureId, stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogPublishFailed(e);
            }
        }
    }

    private async Task<List<Guid>> LeftBehindAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select erasure_id from erasures where published_at is null and requested_at < now() - $1 order by requested_at limit 100");
        command.Parameters.Add(new NpgsqlParameter { Value = Interval });
        var ids = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Erasure {ErasureId} is stored but could not be announced now; the outbox announces it later")]
    private partial void LogLeftForLater(Guid erasureId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Announcing erasures left unpublished failed; retrying next round")]
    private partial void LogPublishFailed(Exception exception);
}
