using MassTransit;
using Microsoft.Extensions.Options;
using SlmPlatform.TaskDiscovery.Infrastructure;

namespace SlmPlatform.TaskDiscovery.Promotion;

/// <summary>
/// Asks every served task's promotion to look again each <see cref="PromotionOptions.IntervalSeconds"/>: a task's calls
/// grow, and the teacher's labels change, without any routing tally to say so. The checks themselves run in the saga.
/// </summary>
public sealed partial class PromotionCheckSweeper(
    TaskSpecialistStore specialists, IBus bus, IOptionsMonitor<PromotionOptions> options, ILogger<PromotionCheckSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var (tenantId, taskId, _) in await specialists.ListAsync(stoppingToken))
                {
                    await bus.Publish(new PromotionCheckDue(tenantId, taskId), stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(e);
            }

            await Task.Delay(TimeSpan.FromSeconds(options.CurrentValue.IntervalSeconds), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Asking served tasks' promotions to check failed; the next sweep asks again")]
    private partial void LogSweepFailed(Exception exception);
}
