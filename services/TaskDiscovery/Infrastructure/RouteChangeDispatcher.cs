using MassTransit;
using SlmPlatform.Messaging;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// Publishes the outbox's routing changes in the order they were made, each removed only once the broker confirmed
/// it. Publishes are mandatory: before any gateway has bound its queue the broker returns a change instead of dropping
/// it. The broker away, or no gateway yet: the changes wait in PostgreSQL and go out when they can. Two replicas may
/// publish the same change; the gateway applies a version once.
/// </summary>
public sealed partial class RouteChangeDispatcher(RouteChangeOutbox outbox, IBus bus, ILogger<RouteChangeDispatcher> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);
    private const int Batch = 100;
    private DateTime _lastWarning = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pending = await outbox.PendingAsync(Batch, stoppingToken);
                foreach (var change in pending)
                {
                    await bus.PublishMandatoryAsync(change, change.EventId, stoppingToken);
                    await outbox.RemoveAsync(change.EventId, stoppingToken);
                }

                if (pending.Count == Batch)
                {
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Once a minute is enough to say that changes are waiting (no gateway yet, or the broker away).
                if (DateTime.UtcNow - _lastWarning > TimeSpan.FromMinutes(1))
                {
                    _lastWarning = DateTime.UtcNow;
                    LogNotPublished(e);
                }
            }

            await outbox.WaitAsync(Poll, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing changes not published yet; they wait in the outbox")]
    private partial void LogNotPublished(Exception exception);
}
