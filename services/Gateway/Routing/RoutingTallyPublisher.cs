using MassTransit;
using Microsoft.Extensions.Options;
using SlmPlatform.Messaging;
using StackExchange.Redis;

namespace SlmPlatform.Gateway.Routing;

/// <summary>
/// Publishes the routing ledger's tallies every <see cref="SpecialistRoutingOptions.TallyInterval"/>: first what an
/// earlier round could not publish, then the counts gathered since. Publishes are mandatory and confirmed; a tally
/// the broker did not take stays in Redis for the next round, and new counts keep growing in place meanwhile.
/// </summary>
public sealed partial class RoutingTallyPublisher(
    RoutingLedger ledger, IConnectionMultiplexer redis, IBus bus, IOptions<SpecialistRoutingOptions> options, ILogger<RoutingTallyPublisher> logger) : BackgroundService
{
    private readonly SemaphoreSlim _flushing = new(1, 1);

    /// <summary>One round now; true when every tally was published.</summary>
    public async Task<bool> FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken);
        try
        {
            if (!await PublishTakenAsync(cancellationToken))
            {
                return false;
            }

            return await ledger.TakePendingAsync() == 0 || await PublishTakenAsync(cancellationToken);
        }
        finally
        {
            _flushing.Release();
        }
    }

    public override void Dispose()
    {
        _flushing.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var legacyMoved = false;
        using var timer = new PeriodicTimer(options.Value.TallyInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (!legacyMoved && await LegacyRoutingLedger.MoveToOutboxAsync(redis, ledger) is var moved)
                {
                    legacyMoved = true;
                    if (moved > 0)
                    {
                        LogLegacyMoved(moved);
                    }
                }

                await FlushAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFlushFailed(e);
            }
        }
    }

    private async Task<bool> PublishTakenAsync(CancellationToken cancellationToken)
    {
        foreach (var tally in await ledger.TakenAsync())
        {
            try
            {
                await bus.PublishMandatoryAsync(tally, tally.EventId, cancellationToken);
            }
            catch (Exception e) when (MandatoryPublishExtensions.IsBrokerRefusal(e) && !cancellationToken.IsCancellationRequested)
            {
                LogNotPublished(e.GetType().Name);
                return false;
            }

            await ledger.ForgetAsync(tally.EventId);
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing tallies not published ({Reason}); they wait in Redis for the next round")]
    private partial void LogNotPublished(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Days} days of the earlier routing ledger moved to the tally outbox")]
    private partial void LogLegacyMoved(int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Routing tallies not flushed; the next round tries again")]
    private partial void LogFlushFailed(Exception exception);
}
